import type { Annotation } from '../../../shared/model'
import type { Library } from '../library'
import { annotationRow, getAnnotation, indexAnnotation, bumpAnnotationCount, unindexAnnotation } from './repo'
import { articleText } from './article-text'
import { placeRow } from './reanchor'
import { sql } from './statements'

/**
 * Deletes an annotation with a tombstone (`deleted_at`): it leaves lists,
 * counts and search but stays stored for undo and for merging with
 * teammates. Deleting it again is a no-op, so a double click is harmless.
 */
export function deleteAnnotation(lib: Library, id: string, now = new Date().toISOString()): void {
  lib.write(() => {
    const row = annotationRow(lib, id)
    if (row.deleted_at !== null) return
    sql(lib, 'UPDATE annotations SET deleted_at = ?, updated_at = ? WHERE rowid = ?').run(now, now, row.rowid)
    unindexAnnotation(lib, row.rowid)
    bumpAnnotationCount(lib, row.article_id, -1)
  })
}

/**
 * Undoes a delete. The article may have been re-imported meanwhile, so the
 * annotation is placed again on the current text (or marked orphaned) exactly
 * as re-anchoring would have done had it been live. Restoring a live
 * annotation returns it unchanged.
 */
export function restoreAnnotation(lib: Library, id: string, now = new Date().toISOString()): Annotation {
  return lib.write(() => {
    const row = annotationRow(lib, id)
    if (row.deleted_at === null) return getAnnotation(lib, id)
    const { text } = articleText(lib, row.article_id)
    sql(lib, 'UPDATE annotations SET deleted_at = NULL, updated_at = ? WHERE rowid = ?').run(now, row.rowid)
    const placed = placeRow(lib, row, text, now)
    indexAnnotation(lib, row.rowid, placed.exact, row.note)
    bumpAnnotationCount(lib, row.article_id, 1)
    return getAnnotation(lib, id)
  })
}
