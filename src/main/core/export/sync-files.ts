import { execFile } from 'node:child_process'
import { open } from 'node:fs/promises'

/** Files fsynced at once in the portable path (the thread pool has 4 threads; an fsync mostly waits on the disk). */
const FSYNC_PARALLEL = 32
/** Longest wait for the one-call flush before falling back to flushing file by file. */
const SYNCFS_TIMEOUT_MS = 60_000

/** syncfs(2) through coreutils' `sync -f`: flushes the whole file system holding `folder` in one call. */
function syncFileSystem(folder: string): Promise<boolean> {
  if (process.platform !== 'linux') return Promise.resolve(false)
  return new Promise((resolve) => {
    execFile('sync', ['-f', folder], { timeout: SYNCFS_TIMEOUT_MS }, (err) => resolve(!err))
  })
}

/**
 * Starts writing out what is already written under `folder` while the export
 * goes on (Linux: one syncfs), so the flush that commit waits for has less
 * left to do. Never fails: the final flush is the one that counts.
 */
export function flushEarly(folder: string): Promise<void> {
  return syncFileSystem(folder).then(() => undefined)
}

/** fsync of each file, a few at a time. */
async function syncEach(files: readonly string[]): Promise<void> {
  for (let i = 0; i < files.length; i += FSYNC_PARALLEL)
    await Promise.all(
      files.slice(i, i + FSYNC_PARALLEL).map(async (path) => {
        // Read-write: Windows flushes only handles opened for writing.
        const fh = await open(path, 'r+')
        try {
          await fh.sync()
        } finally {
          await fh.close()
        }
      })
    )
}

/**
 * Makes the files just written under `folder` durable before they are renamed
 * into place, so a crash never leaves an empty or partial file under a final
 * name. Thousands of small files (a Markdown export) cost one fsync each,
 * and each waits on the disk; on Linux a single syncfs flushes them all at
 * once. Elsewhere, or when that fails, each file is flushed on its own.
 */
export async function syncTemps(folder: string, files: readonly string[]): Promise<void> {
  if (files.length === 0) return
  if (files.length > 1 && (await syncFileSystem(folder))) return
  await syncEach(files)
}
