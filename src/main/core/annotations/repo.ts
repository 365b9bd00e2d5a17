import { ScholiaError } from '../../../shared/errors'
import type { Annotation } from '../../../shared/model'
import type { Library } from '../library'
import { normalizeForIndex } from '../search-text'
import { ensureTag } from '../tags/attach'
import { requireArticle } from './article-text'
import { ANNOTATION_COLUMNS, toAnnotation, type AnnotationRow } from './rows'
import { sql } from './statements'

/** A stored annotation row, tombstoned or not; `not_found` if the id is unknown. */
export function annotationRow(lib: Library, id: string): AnnotationRow {
  const row = sql(lib, `SELECT ${ANNOTATION_COLUMNS} FROM annotations n WHERE n.id = ?`).get(id) as AnnotationRow | undefined
  if (!row) throw new ScholiaError('not_found', `no annotation with id ${id} — it may belong to an article that was removed`)
  return row
}

/** Tag paths of many annotations in one query, keyed by annotation rowid. */
export function tagsByAnnotation(lib: Library, rowids: number[]): Map<number, string[]> {
  if (rowids.length === 0) return new Map()
  const rows = sql(
    lib,
    `SELECT at.annotation_rowid AS r, t.path AS path FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.annotation_rowid IN (SELECT value FROM json_each(?)) ORDER BY t.path`
  ).all(JSON.stringify(rowids)) as { r: number; path: string }[]
  return groupTags(rows)
}

function groupTags(rows: { r: number; path: string }[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  for (const { r, path } of rows) {
    const list = out.get(r)
    if (list) list.push(path)
    else out.set(r, [path])
  }
  return out
}

/** One annotation in its API shape (tombstoned ones too: restore and merge need them). */
export function getAnnotation(lib: Library, id: string): Annotation {
  const row = annotationRow(lib, id)
  return toAnnotation(row, tagsByAnnotation(lib, [row.rowid]).get(row.rowid) ?? [])
}

/** An article's live annotations in reading order; orphans (no place in the text) last. */
export function listAnnotations(lib: Library, articleId: string): Annotation[] {
  // Rows and tags are read in one snapshot, in case another process (the CLI) writes between them.
  return lib.db.transaction(() => {
    requireArticle(lib, articleId)
    const rows = sql(
      lib,
      `SELECT ${ANNOTATION_COLUMNS} FROM annotations n WHERE n.article_id = ? AND n.deleted_at IS NULL
       ORDER BY n.orphaned, n.start_pos, n.end_pos, n.created_at, n.rowid`
    ).all(articleId) as AnnotationRow[]
    // One join by article rather than a list of thousands of rowids: a book's
    // highlights are fetched when it opens, and that is on the clock.
    const tags = groupTags(
      sql(
        lib,
        `SELECT at.annotation_rowid AS r, t.path AS path FROM annotations n
         JOIN annotation_tags at ON at.annotation_rowid = n.rowid JOIN tags t ON t.id = at.tag_id
         WHERE n.article_id = ? AND n.deleted_at IS NULL ORDER BY t.path`
      ).all(articleId) as { r: number; path: string }[]
    )
    return rows.map((r) => toAnnotation(r, tags.get(r.rowid) ?? []))
  })()
}

/** Replaces an annotation's tags, creating new tag paths (validated). Call inside a transaction. */
export function setAnnotationTags(lib: Library, rowid: number, paths: readonly string[], now: string): void {
  sql(lib, 'DELETE FROM annotation_tags WHERE annotation_rowid = ?').run(rowid)
  const attach = sql(lib, 'INSERT OR IGNORE INTO annotation_tags(annotation_rowid, tag_id) VALUES (?, ?)')
  for (const p of paths) attach.run(rowid, ensureTag(lib, p, now))
}

/** Adds or refreshes an annotation's search entry (quote and note). Call inside a transaction. */
export function indexAnnotation(lib: Library, rowid: number, exact: string, note: string): void {
  unindexAnnotation(lib, rowid)
  sql(lib, 'INSERT INTO annotations_fts(rowid, exact, note) VALUES (?, ?, ?)')
    .run(rowid, normalizeForIndex(exact), normalizeForIndex(note))
}

/** Removes an annotation from search (deleted ones must not be found). */
export function unindexAnnotation(lib: Library, rowid: number): void {
  sql(lib, 'DELETE FROM annotations_fts WHERE rowid = ?').run(rowid)
}

/**
 * Moves an article's `annotation_count` by `delta` (+1 on create or restore,
 * -1 on delete). Incremental because a recount reads every annotation row of
 * the article, which a book with thousands of highlights would pay on each
 * click. Call inside the transaction that made the change.
 */
export function bumpAnnotationCount(lib: Library, articleId: string, delta: 1 | -1): void {
  sql(lib, 'UPDATE articles SET annotation_count = max(0, annotation_count + ?) WHERE id = ?').run(delta, articleId)
}

/** Recounts an article's live annotations into `articles.annotation_count` (for bulk writers, e.g. a merge). */
export function refreshAnnotationCount(lib: Library, articleId: string): void {
  sql(
    lib,
    `UPDATE articles SET annotation_count =
       (SELECT count(*) FROM annotations WHERE article_id = ? AND deleted_at IS NULL) WHERE id = ?`
  ).run(articleId, articleId)
}

/** The identity annotations are attributed to (the `identity` setting), or null when unset. */
export function currentCreator(lib: Library): string | null {
  const identity = lib.getSetting('identity')?.trim()
  return identity ? identity : null
}
