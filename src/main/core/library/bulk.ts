import type { BulkResult, SelectionValue } from '../../../shared/api/library'
import type { Library } from '../library'
import { ensureTag, findTag } from '../tags/attach'
import { validateTagPath } from '../tags/path'
import { materialise, SELECTED } from './selection'

/**
 * Adds and removes tags on a selection in one transaction: one INSERT … SELECT
 * per tag, so tagging 10,000 articles is a single pass over the selection.
 * Removing a tag removes exactly that tag, not its children.
 */
export function bulkTag(lib: Library, sel: SelectionValue, add: readonly string[], remove: readonly string[]): BulkResult {
  for (const t of [...add, ...remove]) validateTagPath(t)
  return lib.write(() => {
    const matched = materialise(lib, sel)
    let changed = 0
    const link = lib.db.prepare(`INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) SELECT rowid, ? FROM temp.bulk_selection`)
    for (const t of add) changed += link.run(ensureTag(lib, t)).changes
    const unlink = lib.db.prepare(`DELETE FROM article_tags WHERE tag_id = ? AND article_rowid IN (${SELECTED})`)
    for (const t of remove) {
      const tag = findTag(lib, t)
      if (tag) changed += unlink.run(tag.id).changes
    }
    return { matched, changed }
  })
}

/** Archives (or unarchives) the selection. */
export function bulkArchive(lib: Library, sel: SelectionValue, archived: boolean): BulkResult {
  return lib.write(() => {
    const matched = materialise(lib, sel)
    const v = archived ? 1 : 0
    const changed = lib.db.prepare(`UPDATE articles SET archived = ? WHERE rowid IN (${SELECTED}) AND archived != ?`).run(v, v).changes
    return { matched, changed }
  })
}

/** Marks the selection read (or unread); reading progress is kept. */
export function bulkMarkRead(lib: Library, sel: SelectionValue, read: boolean): BulkResult {
  return lib.write(() => {
    const matched = materialise(lib, sel)
    const v = read ? 1 : 0
    const changed = lib.db.prepare(`UPDATE articles SET is_read = ? WHERE rowid IN (${SELECTED}) AND is_read != ?`).run(v, v).changes
    return { matched, changed }
  })
}
