import type { SearchHit, SearchResult } from '../../../shared/api/search'
import { ScholiaError } from '../../../shared/errors'
import type { Color } from '../../../shared/model'
import type { Library } from '../library'
import { Where } from '../library/where'
import { annotationFilterConditions, articleFilterConditions, wantsAnnotations, wantsArticles } from './conditions'
import { annotationMatch, articleMatch, excludedMatch } from './fts'
import { isEmptyQuery, parseQuery, type ParsedQuery } from './parse'
import { snippet, TermMatcher } from './snippet'

/**
 * Column weights for bm25: a word in an article's title says more about it than
 * the same word deep in the text; the author column mostly matters for author:.
 */
export const ARTICLE_RANK = 'bm25(10.0, 5.0, 1.0)'
/** A highlight's quote and its note count the same. */
export const ANNOTATION_RANK = 'bm25(1.0, 1.0)'

interface ArticleHitRow {
  rowid: number
  id: string
  title: string
  author: string | null
  published: string | null
  score: number
}

interface AnnotationHitRow {
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

/** Article hits: ranked by bm25 when the query has text, newest first otherwise. */
function findArticles(lib: Library, q: ParsedQuery, limit: number): ArticleHitRow[] {
  const w = new Where().add('a.deleted_at IS NULL')
  articleFilterConditions(q, w)
  const match = articleMatch(q)
  const cols = 'a.rowid, a.id, a.title, a.author, a.published'
  if (match)
    return lib.db
      .prepare(
        `SELECT ${cols}, f.rank AS score FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
         WHERE articles_fts MATCH ? AND f.rank MATCH '${ARTICLE_RANK}' AND ${w.sql} ORDER BY f.rank LIMIT ?`
      )
      .all(match, ...w.params, limit) as ArticleHitRow[]
  const excluded = excludedMatch(q.excluded)
  if (excluded) w.add(`a.rowid NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`, excluded)
  return lib.db
    .prepare(`SELECT ${cols}, 0 AS score FROM articles a WHERE ${w.sql} ORDER BY a.imported_at DESC, a.rowid DESC LIMIT ?`)
    .all(...w.params, limit) as ArticleHitRow[]
}

/** Highlight and note hits: ranked by bm25 when the query has text, most recently changed first otherwise (the updated_at index). */
function findAnnotations(lib: Library, q: ParsedQuery, limit: number): AnnotationHitRow[] {
  const w = new Where().add('n.deleted_at IS NULL').add('a.deleted_at IS NULL')
  annotationFilterConditions(q, w)
  const match = annotationMatch(q)
  const cols = 'n.id, n.exact, n.note, n.color, a.id AS article_id, a.title, a.author, a.published'
  if (match)
    return lib.db
      .prepare(
        `SELECT ${cols}, f.rank AS score FROM annotations_fts f JOIN annotations n ON n.rowid = f.rowid
         JOIN articles a ON a.id = n.article_id
         WHERE annotations_fts MATCH ? AND f.rank MATCH '${ANNOTATION_RANK}' AND ${w.sql} ORDER BY f.rank LIMIT ?`
      )
      .all(match, ...w.params, limit) as AnnotationHitRow[]
  // Without words to rank by, only a condition about annotations makes them worth listing.
  const aboutAnnotations = q.colors.length > 0 || q.notColors.length > 0 || q.scope !== 'all' || q.tags.length > 0
  if (!aboutAnnotations) return []
  return lib.db
    .prepare(
      `SELECT ${cols}, 0 AS score FROM annotations n JOIN articles a ON a.id = n.article_id
       WHERE ${w.sql} ORDER BY n.updated_at DESC LIMIT ?`
    )
    .all(...w.params, limit) as AnnotationHitRow[]
}

/**
 * Runs a search: articles (title, author, text) and highlights (quote, note),
 * each ranked by bm25 and merged by score, with snippets cut from the stored
 * text for the returned hits only.
 */
export function search(lib: Library, input: string, limit: number): SearchResult {
  const q = parseQuery(input)
  if (isEmptyQuery(q))
    throw new ScholiaError('invalid_argument', 'search: nothing to search for — type a word, a "phrase", or a filter such as tag:x')
  const articles = wantsArticles(q) ? findArticles(lib, q, limit + 1) : []
  const annotations = wantsAnnotations(q) ? findAnnotations(lib, q, limit + 1) : []
  const ranked = [
    ...articles.map((r) => ({ score: r.score, article: r, annotation: null })),
    ...annotations.map((r) => ({ score: r.score, article: null, annotation: r }))
  ].sort((x, y) => x.score - y.score)
  const page = ranked.slice(0, limit)
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
  return { hits, more: ranked.length > limit }
}
