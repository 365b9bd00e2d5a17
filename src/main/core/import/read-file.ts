/**
 * Reads a file to import, refusing one over MAX_IMPORT_BYTES before reading a byte of
 * it, so memory stays bounded whatever the user points at. The sync form is for worker
 * threads (it blocks only the worker); the main thread uses the async one.
 */
import { readFileSync, statSync, type Stats } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { MAX_IMPORT_BYTES } from '../../../shared/import-limits'
import { ImportError } from './types'

const MB = 1024 * 1024

/** A plain view of a Buffer's bytes, without copying them. */
const asBytes = (b: Buffer): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length)

function unreadable(e: unknown): ImportError {
  const code = (e as NodeJS.ErrnoException)?.code
  if (code === 'EISDIR') return new ImportError('is a folder, not a file — import the folder itself to take every file in it')
  return new ImportError(`cannot read file (${code ?? 'error'}) — check the path and permissions`)
}

function checkSize(info: Stats): void {
  if (!info.isFile() && !info.isDirectory()) throw new ImportError('not a regular file (a device, pipe or socket) — choose a saved file')
  if (info.size > MAX_IMPORT_BYTES)
    throw new ImportError(
      `file is ${Math.round(info.size / MB)} MB, over the ${MAX_IMPORT_BYTES / MB} MB import limit — split it into smaller files`
    )
}

/** The file's bytes, or an ImportError saying why not (missing, unreadable, too big). */
export async function readImportFile(path: string): Promise<Uint8Array> {
  let info: Stats
  try {
    info = await stat(path)
  } catch (e) {
    throw unreadable(e)
  }
  checkSize(info)
  try {
    return asBytes(await readFile(path))
  } catch (e) {
    throw unreadable(e)
  }
}

/** readImportFile for worker threads. */
export function readImportFileSync(path: string): Uint8Array {
  let info: Stats
  try {
    info = statSync(path)
  } catch (e) {
    throw unreadable(e)
  }
  checkSize(info)
  try {
    return asBytes(readFileSync(path))
  } catch (e) {
    throw unreadable(e)
  }
}
