import type { ArticleHead } from '../../../shared/api/reading'
import type { Annotation, Color } from '../../../shared/model'
import { HEAD_COLUMNS, toArticleHead, type ArticleHeadRow } from '../articles/rows'
import { currentCreator } from '../annotations/repo'
import { tagsByArticle } from '../articles/tags-of'
import type { Library } from '../library'
import { toJson } from './native-json'

/**
 * An annotation as exported: its tombstone time too (null when live). Without
 * the quote's context (prefix, suffix): no format written from these rows
 * shows it (JSON-LD serialises its selectors in SQL), and two strings fewer
 * per row is a fifth less to read.
 */
export interface ExportAnnotation extends Omit<Annotation, 'prefix' | 'suffix'> {
  deletedAt: string | null
}

/**
 * An article with what an export writes about it: the same details the app
 * shows (articles/rows.ts maps them), plus its annotations and, for
 * bundles, its HTML.
 */
export interface ExportArticle extends ArticleHead {
  rowid: number
  /** Live annotations in reading order, orphans last; then tombstones when asked for. Empty unless asked for. */
  annotations: ExportAnnotation[]
  /** Sanitised HTML, read only for bundles. */
  html?: string
}

export interface ReadOptions {
  /** Read the annotations (JSON-LD serialises them in SQL instead, see jsonld.ts). */
  annotations: boolean
  /** Include deleted annotations. */
  tombstones: boolean
  /** Read each article's HTML (bundles). */
  html: boolean
}

/**
 * Articles per batch: large enough that a batch costs a few queries whatever
 * its size, small enough that a batch of long articles (HTML for bundles)
 * stays a few MB.
 */
export const BATCH_ARTICLES = 250

/** rowid, id, index of its article in the batch, start, end, exact, color, note, creator, created, updated, deleted, orphaned. */
type AnnotationTuple = [number, string, number, number, number, string, string, string, string | null, string, string, string | null, number]

/**
 * Rows come back as arrays (`raw()`): an export reads 100,000 annotations, and
 * building a keyed object per row costs more than the query itself. No ORDER
 * BY: SQLite's sorter would copy every wide row (a third of the query's time);
 * each article's few rows are put in reading order in JS (readingOrder).
 */
const ANNOTATIONS_SQL = `SELECT n.rowid, n.id, j.key, n.start_pos, n.end_pos, n.exact, n.color, n.note,
    n.creator, n.created_at, n.updated_at, n.deleted_at, n.orphaned
  FROM json_each(?) j JOIN annotations n ON n.article_id = j.value
  WHERE (? OR n.deleted_at IS NULL)`

/** Reading order within an article: live before tombstones, anchored before orphans, then position, creation time, rowid. */
function readingOrder(a: AnnotationTuple, b: AnnotationTuple): number {
  return (
    (a[11] === null ? 0 : 1) - (b[11] === null ? 0 : 1) ||
    a[12] - b[12] ||
    a[3] - b[3] ||
    a[4] - b[4] ||
    (a[9] < b[9] ? -1 : a[9] > b[9] ? 1 : 0) ||
    a[0] - b[0]
  )
}

/** Tag paths of the annotations of some articles, by annotation rowid, each list in tag order. */
const ANNOTATION_TAGS_SQL = `SELECT nt.annotation_rowid, t.path FROM json_each(?) j JOIN annotations n ON n.article_id = j.value
  JOIN annotation_tags nt ON nt.annotation_rowid = n.rowid JOIN tags t ON t.id = nt.tag_id ORDER BY t.path`

/**
 * Reads the articles `rowids` names, batch by batch, in that order, each with
 * its tags and (when asked) its annotations in reading order. Annotations
 * without a creator were made here before an identity was set, so they are
 * the user's own and carry the `identity` setting; a teammate's keep theirs.
 */
export function* readArticles(lib: Library, rowids: readonly number[], opts: ReadOptions): Generator<ExportArticle[]> {
  const identity = currentCreator(lib)
  const meta = lib.db.prepare(
    `SELECT ${HEAD_COLUMNS}${opts.html ? ', c.html' : ''}
     FROM articles a${opts.html ? ' JOIN article_content c ON c.article_rowid = a.rowid' : ''}
     WHERE a.rowid IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL`
  )
  const notes = lib.db.prepare(ANNOTATIONS_SQL).raw()
  const notesTags = lib.db.prepare(ANNOTATION_TAGS_SQL).raw()
  for (let i = 0; i < rowids.length; i += BATCH_ARTICLES) {
    const batch = rowids.slice(i, i + BATCH_ARTICLES)
    const rows = meta.all(toJson(batch)) as (ArticleHeadRow & { html?: string })[]
    const byRowid = new Map(rows.map((r) => [r.rowid, r]))
    const articleTags = tagsByArticle(lib, batch)
    const byArticle = new Map<string, ExportAnnotation[]>()
    if (opts.annotations) {
      const ids = toJson(rows.map((x) => x.id))
      const tags = new Map<number, string[]>()
      for (const [rowid, path] of notesTags.all(ids) as [number, string][]) {
        const list = tags.get(rowid)
        if (list) list.push(path)
        else tags.set(rowid, [path])
      }
      // Keyed by the article's place in `rows` (json_each's key): an integer, not a copy of its id per row.
      const tuples = new Map<number, AnnotationTuple[]>()
      for (const r of notes.all(ids, opts.tombstones ? 1 : 0) as AnnotationTuple[]) {
        const list = tuples.get(r[2])
        if (list) list.push(r)
        else tuples.set(r[2], [r])
      }
      for (const [at, list] of tuples) {
        const articleId = rows[at].id
        byArticle.set(
          articleId,
          list.sort(readingOrder).map((r) => ({
            id: r[1], articleId, start: r[3], end: r[4], exact: r[5], color: r[6] as Color, note: r[7],
            creator: r[8] ?? identity, createdAt: r[9], updatedAt: r[10], deletedAt: r[11], orphaned: r[12] === 1,
            tags: tags.get(r[0]) ?? []
          }))
        )
      }
    }
    const out: ExportArticle[] = []
    // Keep the scope's order; an article deleted since the scope was resolved is skipped.
    for (const rowid of batch) {
      const r = byRowid.get(rowid)
      if (!r) continue
      const a = toArticleHead(r, articleTags.get(rowid) ?? []) as ExportArticle
      a.rowid = rowid
      a.annotations = byArticle.get(r.id) ?? []
      if (opts.html) a.html = r.html
      out.push(a)
    }
    yield out
  }
}
