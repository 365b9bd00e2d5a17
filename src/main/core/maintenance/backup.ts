import { existsSync, renameSync, rmSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'

/**
 * Copies the live library to `out` with SQLite's online backup API (consistent
 * even while other connections write), into a temporary file renamed at the end so
 * a failed backup never leaves a half-written file under the final name.
 */
export async function backupLibrary(lib: Library, out: string): Promise<{ path: string; pages: number }> {
  const target = resolve(out)
  if (existsSync(target)) throw new ScholiaError('conflict', `${out} already exists — choose a new file name for the backup`)
  if (!existsSync(dirname(target))) throw new ScholiaError('io', `folder ${dirname(target)} does not exist — create it first`)
  const tmp = `${target}.partial-${process.pid}`
  try {
    const result = await lib.db.backup(tmp)
    renameSync(tmp, target)
    return { path: target, pages: result.totalPages }
  } catch (e) {
    rmSync(tmp, { force: true })
    throw new ScholiaError('io', `backup to ${out} failed: ${(e as Error).message} — check free space and permissions`)
  }
}
