import type { SearchHit, SearchResult } from '../../../shared/api/search'
import { ScholiaError } from '../../../shared/errors'
import type { Color } from '../../../shared/model'
import type { Library } from '../library'
import { DEAD_ARTICLES, ON_DELETED_ARTICLES, TOMBSTONED } from '../library/dead'
import { Where } from '../library/where'
import { annotationFilterConditions, articleFilterConditions, wantsAnnotations, wantsArticles } from './conditions'
import { annotationMatch, articleMatch, excludedMatch } from './fts'
import { isEmptyQuery, parseQuery, type ParsedQuery } from './parse'
import { snippet, TermMatcher } from './snippet'

/**
 * Column weights for bm25: a word in an article's title says more about it than
 * the same word deep in the text; the author column mostly matters for author:.
 */
export const ARTICLE_BM25 = 'bm25(articles_fts, 10.0, 5.0, 1.0)'
/** A highlight's quote and its note count the same. */
export const ANNOTATION_BM25 = 'bm25(annotations_fts, 1.0, 1.0)'

/**
 * bm25 costs a few microseconds per matching row, so a word found in most of
 * 100,000 articles would take hundreds of milliseconds to rank exhaustively.
 * Beyond this many matches (after filters), hits are ranked among the most
 * recent RANK_WINDOW matches, which bounds every search; the result says so.
 */
export const RANK_WINDOW = 3_000

export interface SearchOptions {
  /** Most matches ranked per kind; Infinity ranks all (exact bm25, as the benchmark's reference). */
  rankWindow?: number
}

type Fts = 'articles_fts' | 'annotations_fts'

interface ArticleHitRow {
  rowid: number
  id: string
  title: string
  author: string | null
  published: string | null
  score: number
}

interface AnnotationHitRow {
  rowid: number
  id: string
  exact: string
  note: string
  color: Color
  article_id: string
  title: string
  author: string | null
  published: string | null
  score: number
}

/**
 * Rowids and bm25 scores of the best `limit` matches: all matches ranked when
 * they are few (or the window is infinite), otherwise the `window` most recent
 * (highest rowid) ranked. `windowed` says which happened. `joins` brings in the
 * tables the filter conditions name.
 */
function ranked(lib: Library, fts: Fts, joins: string, where: Where, match: string, limit: number, window: number) {
  const bm25 = fts === 'articles_fts' ? ARTICLE_BM25 : ANNOTATION_BM25
  const base = `SELECT f.rowid AS rowid, ${bm25} AS score FROM ${fts} f ${joins} WHERE ${fts} MATCH ? AND ${where.sql}`
  type Row = { rowid: number; score: number }
  if (!Number.isFinite(window)) {
    const rows = lib.db.prepare(`${base} ORDER BY score LIMIT ?`).all(match, ...where.params, limit) as Row[]
    return { rows, windowed: false }
  }
  // The window is cut and ranked inside SQLite; `n` (rows in the window) tells whether it was full.
  const rows = lib.db
    .prepare(`SELECT rowid, score, count(*) OVER () AS n FROM (${base} ORDER BY f.rowid DESC LIMIT ?) ORDER BY score LIMIT ?`)
    .all(match, ...where.params, window, limit) as (Row & { n: number })[]
  return { rows, windowed: rows.length > 0 && rows[0].n === window }
}

/** Rows by rowid, in the order of `ranked`, with its scores. */
function inOrder<T extends { rowid: number }>(rows: T[], order: { rowid: number; score: number }[]): (T & { score: number })[] {
  const by = new Map(rows.map((r) => [r.rowid, r]))
  return order.flatMap((o) => {
    const r = by.get(o.rowid)
    return r ? [{ ...r, score: o.score }] : []
  })
}

const ARTICLE_COLS = 'a.rowid, a.id, a.title, a.author, a.published'
const ANNOTATION_COLS = 'n.rowid, n.id, n.exact, n.note, n.color, a.id AS article_id, a.title, a.author, a.published'

/** Article hits: ranked by bm25 when the query has text, newest first otherwise. */
function findArticles(lib: Library, q: ParsedQuery, limit: number, window: number): { rows: ArticleHitRow[]; windowed: boolean } {
  const w = new Where()
  articleFilterConditions(q, w)
  const match = articleMatch(q)
  if (match) {
    // Liveness through the trash-only index: a plain query ranks the index alone, with no join.
    const joins = w.parts.length ? 'JOIN articles a ON a.rowid = f.rowid' : ''
    w.add(`f.rowid NOT IN (${DEAD_ARTICLES})`)
    const r = ranked(lib, 'articles_fts', joins, w, match, limit, window)
    const rows = lib.db
      .prepare(`SELECT ${ARTICLE_COLS} FROM articles a WHERE a.rowid IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(r.rows.map((x) => x.rowid))) as ArticleHitRow[]
    return { rows: inOrder(rows, r.rows), windowed: r.windowed }
  }
  w.add('a.deleted_at IS NULL')
  const excluded = excludedMatch(q.excluded)
  if (excluded) w.add(`a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, excluded)
  const rows = lib.db
    .prepare(`SELECT ${ARTICLE_COLS}, 0 AS score FROM articles a WHERE ${w.sql} ORDER BY a.imported_at DESC, a.rowid DESC LIMIT ?`)
    .all(...w.params, limit) as ArticleHitRow[]
  return { rows, windowed: false }
}

/** Highlight and note hits: ranked by bm25 when the query has text, most recently changed first otherwise (the updated_at index). */
function findAnnotations(lib: Library, q: ParsedQuery, limit: number, window: number): { rows: AnnotationHitRow[]; windowed: boolean } {
  const w = new Where()
  annotationFilterConditions(q, w)
  const match = annotationMatch(q)
  if (match) {
    const joins = w.parts.length ? 'JOIN annotations n ON n.rowid = f.rowid JOIN articles a ON a.id = n.article_id' : ''
    w.add(`f.rowid NOT IN (${TOMBSTONED})`).add(`f.rowid NOT IN (${ON_DELETED_ARTICLES})`)
    const r = ranked(lib, 'annotations_fts', joins, w, match, limit, window)
    const rows = lib.db
      .prepare(`SELECT ${ANNOTATION_COLS} FROM annotations n JOIN articles a ON a.id = n.article_id WHERE n.rowid IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(r.rows.map((x) => x.rowid))) as AnnotationHitRow[]
    return { rows: inOrder(rows, r.rows), windowed: r.windowed }
  }
  // Without words to rank by, only a condition about annotations makes them worth listing.
  const aboutAnnotations = q.colors.length > 0 || q.notColors.length > 0 || q.scope !== 'all' || q.tags.length > 0
  if (!aboutAnnotations) return { rows: [], windowed: false }
  w.add('n.deleted_at IS NULL').add('a.deleted_at IS NULL')
  const rows = lib.db
    .prepare(`SELECT ${ANNOTATION_COLS}, 0 AS score FROM annotations n JOIN articles a ON a.id = n.article_id WHERE ${w.sql} ORDER BY n.updated_at DESC LIMIT ?`)
    .all(...w.params, limit) as AnnotationHitRow[]
  return { rows, windowed: false }
}

/**
 * Runs a search: articles (title, author, text) and highlights (quote, note),
 * each ranked by bm25 and merged by score, with snippets cut from the stored
 * text for the returned hits only.
 */
export function search(lib: Library, input: string, limit: number, opts: SearchOptions = {}): SearchResult {
  const q = parseQuery(input)
  if (isEmptyQuery(q))
    throw new ScholiaError('invalid_argument', 'search: nothing to search for — type a word, a "phrase", or a filter such as tag:x')
  const window = opts.rankWindow ?? RANK_WINDOW
  const none = { rows: [], windowed: false }
  const articles = wantsArticles(q) ? findArticles(lib, q, limit + 1, window) : none
  const annotations = wantsAnnotations(q) ? findAnnotations(lib, q, limit + 1, window) : none
  const merged = [
    ...articles.rows.map((r) => ({ score: r.score, article: r, annotation: null })),
    ...annotations.rows.map((r) => ({ score: r.score, article: null, annotation: r }))
  ].sort((x, y) => x.score - y.score)
  const page = merged.slice(0, limit)
  const matcher = new TermMatcher(q.terms)
  const text = lib.db.prepare('SELECT text FROM article_content WHERE article_rowid = ?').pluck()
  const hits: SearchHit[] = page.map(({ article, annotation }) => {
    if (article)
      return {
        kind: 'article',
        articleId: article.id,
        annotationId: null,
        title: article.title,
        author: article.author,
        published: article.published,
        color: null,
        snippet: snippet((text.get(article.rowid) as string | undefined) ?? '', matcher),
        note: [],
        score: article.score
      }
    const n = annotation!
    return {
      kind: 'annotation',
      articleId: n.article_id,
      annotationId: n.id,
      title: n.title,
      author: n.author,
      published: n.published,
      color: n.color,
      snippet: snippet(n.exact, matcher),
      note: n.note ? snippet(n.note, matcher) : [],
      score: n.score
    }
  })
  return { hits, more: merged.length > limit, windowed: articles.windowed || annotations.windowed }
}
