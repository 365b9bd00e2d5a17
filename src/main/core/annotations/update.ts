import { ScholiaError } from '../../../shared/errors'
import type { Annotation, Color } from '../../../shared/model'
import type { Library } from '../library'
import { foldTag } from '../tags/fold'
import { annotationRow, getAnnotation, indexAnnotation, setAnnotationTags, tagsByAnnotation } from './repo'
import { articleText } from './article-text'
import { selectorsFor } from './selection'
import { sql } from './statements'

/** What may change on an annotation; absent fields stay as they are. */
export interface AnnotationChanges {
  id: string
  color?: Color
  note?: string
  tags?: string[]
  /** New words for the annotation; re-attaches an orphaned one. */
  range?: { start: number; end: number }
}

/**
 * Edits colour, note, tags or range of a live annotation and bumps its
 * `updated_at` (not when the request changes nothing). A new range is described afresh on the article's current text
 * (as in create) and clears the orphaned mark.
 *
 * @throws ScholiaError `not_found` for an unknown or deleted annotation,
 *         `invalid_argument` for a bad range or tag.
 */
export function updateAnnotation(lib: Library, c: AnnotationChanges, now = new Date().toISOString()): Annotation {
  return lib.write(() => {
    const row = annotationRow(lib, c.id)
    if (row.deleted_at !== null)
      throw new ScholiaError('not_found', `annotation ${c.id} was deleted — restore it before editing it`)
    let { start_pos: start, end_pos: end, exact, prefix, suffix, orphaned } = row
    if (c.range) {
      const s = selectorsFor(articleText(lib, row.article_id).text, c.range.start, c.range.end)
      ;({ start, end } = s.position)
      ;({ exact, prefix, suffix } = s.quote)
      orphaned = 0
    }
    const color = c.color ?? row.color
    const note = c.note ?? row.note
    const tagsChanged = c.tags !== undefined && !sameTags(c.tags, tagsByAnnotation(lib, [row.rowid]).get(row.rowid) ?? [])
    const unchanged =
      !tagsChanged && color === row.color && note === row.note && start === row.start_pos && end === row.end_pos &&
      exact === row.exact && prefix === row.prefix && suffix === row.suffix && orphaned === row.orphaned
    // A repeated click on the current colour is not an edit: bumping
    // updated_at would make this copy win a merge it has no news for.
    if (unchanged) return getAnnotation(lib, c.id)
    sql(
      lib,
      `UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?, orphaned = ?,
         color = ?, note = ?, updated_at = ? WHERE rowid = ?`
    ).run(start, end, exact, prefix, suffix, orphaned, color, note, now, row.rowid)
    if (c.tags && tagsChanged) setAnnotationTags(lib, row.rowid, c.tags, now)
    if (exact !== row.exact || note !== row.note) indexAnnotation(lib, row.rowid, exact, note)
    return getAnnotation(lib, c.id)
  })
}

/** Same tags, in any order and case ("Region" is the tag "region"). */
function sameTags(wanted: readonly string[], current: readonly string[]): boolean {
  const a = new Set(wanted.map(foldTag))
  const b = new Set(current.map(foldTag))
  return a.size === b.size && [...a].every((t) => b.has(t))
}
