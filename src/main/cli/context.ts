import { readFileSync } from 'node:fs'
import { ScholiaError } from '../../shared/errors'
import { Library } from '../core/library'
import { resolveLibraryPath } from '../core/paths'

export interface GlobalOptions {
  db?: string
  json?: boolean
}

export const VERSION: string = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')).version

/** Opens the library the options name; the default location's folder is created on first use. */
export function openLibrary(opts: GlobalOptions): Library {
  const explicit = opts.db ?? process.env.SCHOLIA_DB
  return Library.open(resolveLibraryPath(opts.db), { createFolder: !explicit })
}

/** Prints one JSON Lines record, or a human line. */
export function emit(opts: GlobalOptions, record: object, human: string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(record)}\n` : `${human}\n`)
}

export function fail(message: string): never {
  throw new ScholiaError('invalid_argument', message)
}
