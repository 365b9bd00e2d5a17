import { anchor, AnchoringError, describeRange, type Selectors } from '../../../shared/anchoring'
import type { Library } from '../library'
import { indexAnnotation } from './repo'
import { ANNOTATION_COLUMNS, type AnnotationRow } from './rows'

/** What re-anchoring did to an article's annotations. */
export interface ReanchorReport {
  /** Annotations found on the new text (moved or not). */
  placed: number
  /** Annotations that could not be placed and are now marked orphaned. */
  orphaned: number
}

function storedSelectors(r: AnnotationRow): Selectors {
  return {
    position: { type: 'TextPositionSelector', start: r.start_pos, end: r.end_pos },
    quote: { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix }
  }
}

/** Selectors for the anchored range, or null if it cannot be described (then the annotation is orphaned). */
function describeAnchored(text: string, r: AnnotationRow): Selectors | null {
  const found = anchor(text, storedSelectors(r))
  if (!found) return null
  try {
    return describeRange(text, found.start, found.end)
  } catch (e) {
    if (e instanceof AnchoringError) return null
    throw e
  }
}

/**
 * Places one stored annotation on `text`: found → its selectors are rewritten
 * for the new text (id, note, tags, colour kept) and any orphaned mark cleared;
 * not found → marked orphaned with its old quote and offsets kept, never
 * deleted. Rows are written only when something changed. Call inside a
 * transaction.
 *
 * @returns whether it was placed, and its quote afterwards (for the search index).
 */
export function placeRow(lib: Library, r: AnnotationRow, text: string, now: string): { placed: boolean; exact: string } {
  const s = describeAnchored(text, r)
  if (!s) {
    if (r.orphaned !== 1) lib.db.prepare('UPDATE annotations SET orphaned = 1, updated_at = ? WHERE rowid = ?').run(now, r.rowid)
    return { placed: false, exact: r.exact }
  }
  const { start, end } = s.position
  const { exact, prefix, suffix } = s.quote
  const unchanged =
    r.orphaned === 0 && r.start_pos === start && r.end_pos === end && r.exact === exact && r.prefix === prefix && r.suffix === suffix
  if (!unchanged) {
    lib.db
      .prepare(
        `UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, updated_at = ?
         WHERE rowid = ?`
      )
      .run(start, end, exact, prefix, suffix, now, r.rowid)
  }
  return { placed: true, exact }
}

/**
 * Re-anchors every live annotation of an article on its new text, after a
 * changed version replaced the old one. Orphans are tried too: a passage that
 * comes back in a later version takes its annotations back. Tombstoned ones
 * are left alone (restoring one places it then). Call inside the write
 * transaction that replaced the text, so readers never see text and
 * annotations out of step.
 */
export function reanchorArticle(lib: Library, articleId: string, newText: string, now = new Date().toISOString()): ReanchorReport {
  const rows = lib.db
    .prepare(`SELECT ${ANNOTATION_COLUMNS} FROM annotations n WHERE n.article_id = ? AND n.deleted_at IS NULL`)
    .all(articleId) as AnnotationRow[]
  const report: ReanchorReport = { placed: 0, orphaned: 0 }
  for (const r of rows) {
    const { placed, exact } = placeRow(lib, r, newText, now)
    if (placed) report.placed++
    else report.orphaned++
    if (exact !== r.exact) indexAnnotation(lib, r.rowid, exact, r.note)
  }
  return report
}
