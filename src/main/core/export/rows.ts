import type { Annotation } from '../../../shared/model'
import { currentCreator, tagsByAnnotation } from '../annotations/repo'
import { ANNOTATION_COLUMNS, toAnnotation, type AnnotationRow } from '../annotations/rows'
import { tagsByArticle } from '../articles/tags-of'
import type { Library } from '../library'

/** An annotation as exported: its tombstone time too (null when live). */
export interface ExportAnnotation extends Annotation {
  deletedAt: string | null
}

/** An article with what an export writes about it. */
export interface ExportArticle {
  rowid: number
  id: string
  title: string
  author: string | null
  published: string | null
  source: string | null
  site: string | null
  format: string
  language: string | null
  contentHash: string
  note: string
  importedAt: string
  tags: string[]
  /** Live annotations in reading order, orphans last; then tombstones when asked for. */
  annotations: ExportAnnotation[]
  /** Sanitised HTML, read only for bundles. */
  html?: string
}

export interface ReadOptions {
  /** Include deleted annotations (JSON-LD and bundles carry them so deletes propagate). */
  tombstones: boolean
  /** Read each article's HTML (bundles). */
  html: boolean
}

/**
 * Articles per batch: large enough that a batch costs three queries whatever its
 * size, small enough that a batch of long articles (HTML for bundles) stays a
 * few MB.
 */
export const BATCH_ARTICLES = 250

interface ArticleMetaRow {
  rowid: number
  id: string
  title: string
  author: string | null
  published: string | null
  source: string | null
  site: string | null
  format: string
  language: string | null
  content_hash: string
  note: string
  imported_at: string
  html?: string
}

function byReadingOrder(a: ExportAnnotation, b: ExportAnnotation): number {
  const dead = Number(a.deletedAt !== null) - Number(b.deletedAt !== null)
  return dead || Number(a.orphaned) - Number(b.orphaned) || a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt)
}

/**
 * Reads the articles `rowids` names, batch by batch, each with its tags and
 * annotations. Annotations without a creator were made here before an
 * identity was set, so they are the user's own and carry the `identity`
 * setting; a teammate's keep theirs.
 */
export function* readArticles(lib: Library, rowids: readonly number[], opts: ReadOptions): Generator<ExportArticle[]> {
  const identity = currentCreator(lib)
  const meta = lib.db.prepare(
    `SELECT a.rowid, a.id, a.title, a.author, a.published, a.source, a.site, a.format, a.language, a.content_hash,
       a.note, a.imported_at${opts.html ? ', c.html' : ''}
     FROM articles a${opts.html ? ' JOIN article_content c ON c.article_rowid = a.rowid' : ''}
     WHERE a.rowid IN (SELECT value FROM json_each(?)) AND a.deleted_at IS NULL`
  )
  const notes = lib.db.prepare(
    `SELECT ${ANNOTATION_COLUMNS} FROM annotations n WHERE n.article_id IN (SELECT value FROM json_each(?))
     ${opts.tombstones ? '' : 'AND n.deleted_at IS NULL'}`
  )
  for (let i = 0; i < rowids.length; i += BATCH_ARTICLES) {
    const batch = rowids.slice(i, i + BATCH_ARTICLES)
    const rows = meta.all(JSON.stringify(batch)) as ArticleMetaRow[]
    const byRowid = new Map(rows.map((r) => [r.rowid, r]))
    const articleTags = tagsByArticle(lib, batch)
    const annRows = notes.all(JSON.stringify(rows.map((r) => r.id))) as AnnotationRow[]
    const annTags = tagsByAnnotation(lib, annRows.map((r) => r.rowid))
    const byArticle = new Map<string, ExportAnnotation[]>()
    for (const r of annRows) {
      const a: ExportAnnotation = { ...toAnnotation(r, annTags.get(r.rowid) ?? []), deletedAt: r.deleted_at }
      if (a.creator === null) a.creator = identity
      const list = byArticle.get(r.article_id)
      if (list) list.push(a)
      else byArticle.set(r.article_id, [a])
    }
    const out: ExportArticle[] = []
    // Keep the scope's order; an article deleted since the scope was resolved is skipped.
    for (const rowid of batch) {
      const r = byRowid.get(rowid)
      if (!r) continue
      out.push({
        rowid,
        id: r.id,
        title: r.title,
        author: r.author,
        published: r.published,
        source: r.source,
        site: r.site,
        format: r.format,
        language: r.language,
        contentHash: r.content_hash,
        note: r.note,
        importedAt: r.imported_at,
        tags: articleTags.get(rowid) ?? [],
        annotations: (byArticle.get(r.id) ?? []).sort(byReadingOrder),
        ...(opts.html ? { html: r.html } : {})
      })
    }
    yield out
  }
}
