import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../src/main/core/library'
import { BENCH_HIGHLIGHTS, insertBook, insertHighlights } from './generate'

export const WITH_HIGHLIGHTS = 'Bench book with highlights'
export const BASELINE = 'Bench book without highlights'

export interface BenchLibrary {
  dir: string
  dbPath: string
  textChars: number
  remove(): void
}

/** A temp library holding the same book twice: once with 10,000 highlights, once bare (the baseline). */
export function buildBenchLibrary(highlights = BENCH_HIGHLIGHTS): BenchLibrary {
  const dir = mkdtempSync(join(tmpdir(), 'scholia-reader-bench-'))
  const dbPath = join(dir, 'library.db')
  const lib = Library.open(dbPath)
  try {
    const bare = insertBook(lib, BASELINE)
    const marked = insertBook(lib, WITH_HIGHLIGHTS)
    insertHighlights(lib, marked, highlights)
    return { dir, dbPath, textChars: bare.text.length, remove: () => rmSync(dir, { recursive: true, force: true }) }
  } finally {
    lib.close()
  }
}
