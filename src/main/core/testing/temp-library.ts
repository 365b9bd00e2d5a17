import { afterEach, beforeEach } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Library } from '../library'

/** A real library file in a fresh temp folder. */
export interface TempLibrary {
  lib: Library
  dir: string
  path: string
  /** Closes the library and removes the folder. */
  dispose(): void
}

/** A real library file in a fresh temp folder, removed by `dispose`. */
export function tempLibrary(): TempLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'scholia-test-'))
  const path = join(dir, 'library.db')
  const lib = Library.open(path)
  return {
    lib,
    dir,
    path,
    dispose() {
      lib.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

/** A fresh temp folder and the path of a library not made yet (the CLI under test makes it), removed by `dispose`. */
export function tempLibraryPath(): { dir: string; path: string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'scholia-test-'))
  return { dir, path: join(dir, 'library.db'), dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** The real news digest in resources/: Russian-news-agency English with repeats, used by import and annotation tests. */
export const FIXTURE_DIGEST = new URL('../../../../resources/news-digest-csto.txt', import.meta.url)
/** FIXTURE_DIGEST as a file path, for the command line. */
export const DIGEST_FILE = fileURLToPath(FIXTURE_DIGEST)

/**
 * Gives each test of the calling file a fresh temp library: opened before each test and
 * removed after it. The returned object always reads the current test's library, so a
 * file's own `beforeEach` (registered after this call) can already use it.
 */
export function useTempLibrary(): TempLibrary {
  let current: TempLibrary | undefined
  beforeEach(() => {
    current = tempLibrary()
  })
  afterEach(() => {
    current?.dispose()
    current = undefined
  })
  const live = (): TempLibrary => {
    if (!current) throw new Error('useTempLibrary: the library exists only while a test runs')
    return current
  }
  return {
    get lib() {
      return live().lib
    },
    get dir() {
      return live().dir
    },
    get path() {
      return live().path
    },
    dispose: () => live().dispose()
  }
}
