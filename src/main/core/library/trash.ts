import type { BulkResult, DeleteResult, SelectionValue } from '../../../shared/api/library'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { materialise, SELECTED } from './selection'

/**
 * A deletion stamp no earlier deletion used, so that it also names the batch:
 * restoring it brings back exactly the articles deleted together.
 */
function uniqueStamp(lib: Library, now: Date): string {
  const taken = lib.db.prepare('SELECT 1 FROM articles WHERE deleted_at = ? LIMIT 1')
  let t = now.getTime()
  while (taken.get(new Date(t).toISOString())) t++
  return new Date(t).toISOString()
}

/**
 * Moves the selection to the trash: articles get `deleted_at` and leave lists,
 * counts and search, but keep their content, tags, annotations and index
 * entries, so undo is instant and complete.
 */
export function deleteArticles(lib: Library, sel: SelectionValue, now = new Date()): DeleteResult {
  return lib.write(() => {
    materialise(lib, sel)
    const stamp = uniqueStamp(lib, now)
    const deleted = lib.db.prepare(`UPDATE articles SET deleted_at = ? WHERE rowid IN (${SELECTED}) AND deleted_at IS NULL`).run(stamp).changes
    return { deleted, undoToken: stamp }
  })
}

/** Undoes one deleteArticles call. */
export function restoreArticles(lib: Library, undoToken: string): BulkResult {
  return lib.write(() => {
    const changed = lib.db.prepare('UPDATE articles SET deleted_at = NULL WHERE deleted_at = ?').run(undoToken).changes
    if (changed === 0)
      throw new ScholiaError('not_found', 'nothing to restore for this undo — the articles were already restored or the token is wrong')
    return { matched: changed, changed }
  })
}
