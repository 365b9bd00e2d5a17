import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { sql } from './statements'

/** The live article an annotation belongs to, with the plain text offsets refer to. */
export interface ArticleText {
  rowid: number
  id: string
  text: string
}

// Reading a book's text out of SQLite costs ~40 ms (3 MB of overflow pages
// decoded into a string), which a reader highlighting passage after passage
// would pay on every click. A few recent texts are kept per open library; the
// content hash, read afresh each time, tells when one is stale (re-import, or
// another process such as the CLI). Each entry is the size of its article.
const CACHED_TEXTS = 4
const cache = new WeakMap<Library, Map<number, { hash: string; text: string }>>()

/** Checks that a live article has this id, without reading its text; `not_found` otherwise. */
export function requireArticle(lib: Library, articleId: string): { rowid: number; id: string; content_hash: string } {
  const meta = sql(lib, 'SELECT rowid, id, content_hash FROM articles WHERE id = ? AND deleted_at IS NULL')
    .get(articleId) as { rowid: number; id: string; content_hash: string } | undefined
  if (!meta) throw new ScholiaError('not_found', `no article with id ${articleId} — it may have been deleted; list articles with 'scholia list'`)
  return meta
}

/** The article's stored plain text; `not_found` for an unknown or deleted article. */
export function articleText(lib: Library, articleId: string): ArticleText {
  const meta = requireArticle(lib, articleId)
  let texts = cache.get(lib)
  if (!texts) cache.set(lib, (texts = new Map()))
  const hit = texts.get(meta.rowid)
  texts.delete(meta.rowid)
  let text = hit?.hash === meta.content_hash ? hit.text : undefined
  if (text === undefined) {
    const row = sql(lib, 'SELECT text FROM article_content WHERE article_rowid = ?').get(meta.rowid) as { text: string } | undefined
    if (!row) throw new ScholiaError('not_found', `article ${articleId} has no content — re-import it`)
    text = row.text
  }
  // Map order is insertion order: re-inserting marks it most recent, the first key is the least.
  texts.set(meta.rowid, { hash: meta.content_hash, text })
  if (texts.size > CACHED_TEXTS) texts.delete(texts.keys().next().value!)
  return { rowid: meta.rowid, id: meta.id, text }
}
