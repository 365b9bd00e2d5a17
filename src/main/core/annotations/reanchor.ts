import { anchor, AnchoringError, describeRange, type Selectors } from '../../../shared/anchoring'
import type { Library } from '../library'
import { indexAnnotation } from './repo'
import { ANNOTATION_COLUMNS, type AnnotationRow } from './rows'
import { sql } from './statements'

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

/**
 * True if `text` holds the annotation's quote at `start` with its stored
 * context unchanged on both sides: as strong as evidence gets, and cheap.
 */
function holdsVerbatim(text: string, r: AnnotationRow, start: number): boolean {
  const end = start + r.exact.length
  return (
    start >= r.prefix.length &&
    end <= text.length &&
    text.startsWith(r.exact, start) &&
    text.startsWith(r.prefix, start - r.prefix.length) &&
    text.startsWith(r.suffix, end)
  )
}

/**
 * Where the annotation now is in `text`, or null. `shift` is how far the
 * previous annotation (in reading order) moved: an edit usually moves every
 * annotation after it by the same amount, so that place is checked before
 * the full search, which scans the whole text (milliseconds per annotation
 * on a book, far too slow for thousands of them).
 */
function locate(text: string, r: AnnotationRow, shift: number): { start: number; end: number } | null {
  if (shift !== 0 && holdsVerbatim(text, r, r.start_pos + shift)) {
    return { start: r.start_pos + shift, end: r.start_pos + shift + r.exact.length }
  }
  return anchor(text, storedSelectors(r))
}

/** Selectors for the found range, or null if it cannot be described (then the annotation is orphaned). */
function describeFound(text: string, found: { start: number; end: number }): Selectors | null {
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
 * @param shift - how far the previous annotation moved; see `locate`.
 * @returns whether it was placed, where it starts now, and its quote
 *          afterwards (for the search index).
 */
export function placeRow(
  lib: Library,
  r: AnnotationRow,
  text: string,
  now: string,
  shift = 0
): { placed: boolean; exact: string; start: number } {
  const found = locate(text, r, shift)
  // Same place, same words, same surroundings: nothing to write.
  if (found && r.orphaned === 0 && found.start === r.start_pos && found.end === r.end_pos && holdsVerbatim(text, r, found.start)) {
    return { placed: true, exact: r.exact, start: found.start }
  }
  const s = found && describeFound(text, found)
  if (!s) {
    if (r.orphaned !== 1) sql(lib, 'UPDATE annotations SET orphaned = 1, updated_at = ? WHERE rowid = ?').run(now, r.rowid)
    return { placed: false, exact: r.exact, start: r.start_pos }
  }
  const { start, end } = s.position
  const { exact, prefix, suffix } = s.quote
  const unchanged =
    r.orphaned === 0 && r.start_pos === start && r.end_pos === end && r.exact === exact && r.prefix === prefix && r.suffix === suffix
  if (!unchanged) {
    sql(
      lib,
      `UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?, orphaned = 0, updated_at = ?
       WHERE rowid = ?`
    ).run(start, end, exact, prefix, suffix, now, r.rowid)
  }
  return { placed: true, exact, start }
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
  const rows = sql(
    lib,
    `SELECT ${ANNOTATION_COLUMNS} FROM annotations n WHERE n.article_id = ? AND n.deleted_at IS NULL
     ORDER BY n.start_pos, n.end_pos`
  ).all(articleId) as AnnotationRow[]
  const report: ReanchorReport = { placed: 0, orphaned: 0 }
  let shift = 0
  for (const r of rows) {
    const { placed, exact, start } = placeRow(lib, r, newText, now, shift)
    if (placed) {
      report.placed++
      shift = start - r.start_pos
    } else report.orphaned++
    if (exact !== r.exact) indexAnnotation(lib, r.rowid, exact, r.note)
  }
  return report
}
