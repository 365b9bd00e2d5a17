import type { ArticleHead, ContentPart } from '../../../shared/api/reading'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { sql } from '../annotations/statements'
import { SUMMARY_COLUMNS, toArticleHead, type ArticleHeadRow } from './rows'
import { tagsByArticle } from './tags-of'

const notFound = (id: string) =>
  new ScholiaError('not_found', `no article with id ${id} — it may have been deleted; list articles with 'scholia list'`)

/** A live article's details without its content; `not_found` otherwise. */
export function getArticleHead(lib: Library, id: string): ArticleHead {
  const row = sql(
    lib,
    `SELECT ${SUMMARY_COLUMNS}, a.note, a.language, a.encoding, a.content_hash, a.updated_at
     FROM articles a WHERE a.id = ? AND a.deleted_at IS NULL`
  ).get(id) as ArticleHeadRow | undefined
  if (!row) throw notFound(id)
  return toArticleHead(row, tagsByArticle(lib, [row.rowid]).get(row.rowid) ?? [])
}

// Read as BLOBs, the columns come out as the UTF-8 bytes SQLite stores: a copy,
// where reading them as TEXT decodes megabytes into a JavaScript string that
// the HTTP bridge would then have to escape into JSON and encode back to UTF-8.
// substr() of a BLOB counts bytes (1-based).
const CONTENT_SQL: Record<ContentPart, string> = {
  html: `SELECT substr(CAST(c.html AS BLOB), ? + 1, ?) AS bytes FROM articles a JOIN article_content c ON c.article_rowid = a.rowid
         WHERE a.id = ? AND a.deleted_at IS NULL`,
  text: `SELECT substr(CAST(c.text AS BLOB), ? + 1, ?) AS bytes FROM articles a JOIN article_content c ON c.article_rowid = a.rowid
         WHERE a.id = ? AND a.deleted_at IS NULL`
}
/** substr()'s length meaning "to the end" (SQLite's own limit on a value's size is lower). */
const TO_THE_END = 2 ** 31 - 1

/**
 * A live article's sanitised HTML or plain text as UTF-8 bytes (decoded, they
 * are exactly `articles.get`'s `html` and `text`), or the bytes [from, to) of it,
 * which may cut a character in two (a streaming decoder joins the pieces);
 * `not_found` otherwise.
 */
export function getArticleContent(lib: Library, id: string, part: ContentPart, from = 0, to?: number): Uint8Array {
  const length = to === undefined ? TO_THE_END : Math.max(0, to - from)
  const row = sql(lib, CONTENT_SQL[part]).get(from, length, id) as { bytes: Uint8Array | null } | undefined
  if (!row) throw notFound(id)
  // An empty BLOB may come back as null.
  return row.bytes ?? new Uint8Array(0)
}
