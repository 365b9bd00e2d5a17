import { ScholiaError } from '../../../shared/errors'

/**
 * Turns SQLite's storage failures (full disk, read-only file or folder, I/O
 * error, a lock held too long) into one-line errors saying what to do. SQLite has
 * already rolled the transaction back, so the message can promise that nothing
 * half-written remains. Returns null for anything else (a bug, reported as such).
 */
export function storageError(e: unknown, libraryPath: string): ScholiaError | null {
  const code = (e as { code?: unknown })?.code
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL')
    return new ScholiaError('io', `the disk holding ${libraryPath} is full — free some space and try again; this change was not saved`)
  if (code.startsWith('SQLITE_READONLY'))
    return new ScholiaError('io', `${libraryPath} is read-only (the file or its folder) — make it writable or choose another library with --db; this change was not saved`)
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new ScholiaError('io', `cannot open ${libraryPath} or its journal — check that its folder exists and is writable`)
  if (code.startsWith('SQLITE_IOERR'))
    return new ScholiaError('io', `disk error on ${libraryPath} (${code}) — check the disk and free space; this change was not saved`)
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new ScholiaError('conflict', `another program kept ${libraryPath} busy for too long — try again; this change was not saved`)
  return null
}
