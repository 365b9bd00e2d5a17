import type { Article } from '../../../shared/model'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { normalizeForIndex } from '../search-text'
import { sql } from '../annotations/statements'
import { MARKED_AT_IMPORT_CHARS, markLongArticle } from './block-index'
import { SUMMARY_COLUMNS, toArticle, type ArticleRow } from './rows'
import { tagsByArticle } from './tags-of'
import { mergeReimport, type EditableValues } from './user-edits'
import { newId } from '../ids'

/** A sanitised, canonical article ready to be stored. */
export interface NewArticle {
  title: string
  author: string | null
  published: string | null
  source: string | null
  site: string | null
  format: string
  encoding: string | null
  language: string | null
  html: string
  text: string
  contentHash: string
  /** countWords(text), when the caller computed it already (import does, off the writer thread). */
  wordCount?: number
}

/**
 * An article whose html and text arrive as UTF-8 bytes (from an import worker; see
 * import/packed.ts): they are bound as TEXT straight from the bytes, so the writer
 * thread neither makes the strings nor encodes them to UTF-8 again for SQLite.
 */
export type EncodedArticle = Omit<NewArticle, 'html' | 'text'> & {
  html: Uint8Array
  text: Uint8Array
  /** normalizeForIndex(text) as UTF-8, or null when that is the text itself. */
  indexText: Uint8Array | null
}

/** What the import stores: an article with string bodies, or with UTF-8 ones. */
export type StorableArticle = NewArticle | EncodedArticle

export const isEncoded = (a: StorableArticle): a is EncodedArticle => typeof a.html !== 'string'

/** The same bytes as a Buffer (no copy): what better-sqlite3 binds as a blob, cast to TEXT by the statements. */
const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength)

/** The article with its bodies as strings (for the rarer paths that need them: an update, a long article's marks). */
export function decodeArticle(a: StorableArticle): NewArticle {
  if (!isEncoded(a)) return a
  const { indexText: _, ...rest } = a
  return { ...rest, html: asBuffer(a.html).toString('utf8'), text: asBuffer(a.text).toString('utf8') }
}

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)
  return m ? m.length : 0
}

/** Adds an article's full-text index entry. Call inside a transaction. */
export function indexArticle(
  lib: Library, rowid: number, a: Pick<NewArticle, 'title' | 'author' | 'text'> | Pick<EncodedArticle, 'title' | 'author' | 'text' | 'indexText'>
): void {
  // CAST is a no-op for a string, and makes UTF-8 bytes TEXT.
  const text = typeof a.text === 'string' ? normalizeForIndex(a.text) : asBuffer(('indexText' in a && a.indexText) || a.text)
  sql(lib, 'INSERT INTO articles_fts(rowid, title, author, text) VALUES (?, ?, ?, CAST(? AS TEXT))')
    .run(rowid, normalizeForIndex(a.title), normalizeForIndex(a.author ?? ''), text)
}

/** Inserts an article with its content and index entry. Call inside a transaction. */
export function insertArticle(lib: Library, a: StorableArticle, now = new Date().toISOString()): { rowid: number; id: string } {
  const inserted = insertArticleRows(lib, a, now)
  indexArticle(lib, inserted.rowid, a)
  return inserted
}

/**
 * Inserts an article and its content without the index entry, which the caller adds
 * with indexArticle in the same transaction (the import indexes a group together:
 * FTS5 writes its pending terms out at every savepoint). Call inside a transaction.
 */
export function insertArticleRows(lib: Library, a: StorableArticle, now = new Date().toISOString()): { rowid: number; id: string } {
  const id = newId()
  const info = sql(
    lib,
    `INSERT INTO articles(id, title, author, published, source, site, format, encoding, language,
       content_hash, word_count, imported_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    id, a.title, a.author, a.published, a.source, a.site, a.format, a.encoding, a.language, a.contentHash,
    a.wordCount ?? countWords(decodeArticle(a).text), now, now
  )
  const rowid = Number(info.lastInsertRowid)
  const encoded = isEncoded(a)
  sql(lib, 'INSERT INTO article_content(article_rowid, html, text) VALUES (?, CAST(? AS TEXT), CAST(? AS TEXT))').run(
    rowid, encoded ? asBuffer(a.html) : a.html, encoded ? asBuffer(a.text) : a.text
  )
  // Its bytes are at least its characters: only an article that may be long is decoded to be marked.
  if (!encoded) markLongArticle(lib, rowid, a.html, a.text)
  else if (a.html.byteLength >= MARKED_AT_IMPORT_CHARS) {
    const { html, text } = decodeArticle(a)
    markLongArticle(lib, rowid, html, text)
  }
  return { rowid, id }
}

/**
 * Replaces an article's content (a changed version of the same source). Title,
 * author, date or source the user edited by hand are kept (see user-edits.ts);
 * the rest comes from the new version. Call inside a transaction.
 */
export function replaceArticleContent(lib: Library, rowid: number, a: NewArticle, now = new Date().toISOString()): void {
  const row = lib.db.prepare('SELECT title, author, published, source, meta_original FROM articles WHERE rowid = ?').get(rowid) as
    | (EditableValues & { meta_original: string | null })
    | undefined
  if (!row) throw new ScholiaError('not_found', `no article with rowid ${rowid} to replace`)
  const incoming: EditableValues = { title: a.title, author: a.author, published: a.published, source: a.source ?? row.source }
  const { values, metaOriginal } = mergeReimport(row.meta_original, row, incoming)
  lib.db
    .prepare(
      `UPDATE articles SET title = ?, author = ?, published = ?, site = ?, format = ?, encoding = ?, language = ?,
         content_hash = ?, word_count = ?, updated_at = ?, meta_original = ? WHERE rowid = ?`
    )
    .run(
      values.title, values.author, values.published, a.site, a.format, a.encoding, a.language,
      a.contentHash, a.wordCount ?? countWords(a.text), now, metaOriginal, rowid
    )
  lib.db.prepare('UPDATE article_content SET html = ?, text = ? WHERE article_rowid = ?').run(a.html, a.text, rowid)
  markLongArticle(lib, rowid, a.html, a.text, true)
  lib.db.prepare('DELETE FROM articles_fts WHERE rowid = ?').run(rowid)
  indexArticle(lib, rowid, { title: values.title, author: values.author, text: a.text })
}

export function findByHash(lib: Library, hash: string): { rowid: number; id: string } | undefined {
  return sql(lib, 'SELECT rowid, id FROM articles WHERE content_hash = ? AND deleted_at IS NULL').get(hash) as
    | { rowid: number; id: string }
    | undefined
}

export function findBySource(lib: Library, source: string): { rowid: number; id: string; content_hash: string }[] {
  return sql(lib, 'SELECT rowid, id, content_hash FROM articles WHERE source = ? AND deleted_at IS NULL')
    .all(source) as { rowid: number; id: string; content_hash: string }[]
}

export function getArticle(lib: Library, id: string): Article {
  const row = lib.db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, c.html, c.text, a.note, a.language, a.encoding, a.content_hash, a.updated_at
       FROM articles a JOIN article_content c ON c.article_rowid = a.rowid
       WHERE a.id = ? AND a.deleted_at IS NULL`
    )
    .get(id) as ArticleRow | undefined
  if (!row) throw new ScholiaError('not_found', `no article with id ${id} — it may have been deleted; list articles with 'scholia list'`)
  return toArticle(row, tagsByArticle(lib, [row.rowid]).get(row.rowid) ?? [])
}

export function setProgress(lib: Library, id: string, progress: number, now = new Date().toISOString()): void {
  const info = lib.db
    .prepare(
      `UPDATE articles SET progress = ?, last_read_at = ?, is_read = CASE WHEN ? >= 0.98 THEN 1 ELSE is_read END
       WHERE id = ? AND deleted_at IS NULL`
    )
    .run(progress, now, progress, id)
  if (info.changes === 0) throw new ScholiaError('not_found', `no article with id ${id}`)
}

export function articleCount(lib: Library): number {
  return (lib.db.prepare('SELECT count(*) AS n FROM articles WHERE deleted_at IS NULL').get() as { n: number }).n
}
