import type { Where } from '../library/where'
import { ANNOTATIONS_UNDER, ARTICLES_UNDER, tagNode } from '../tags/nodes'
import { annotationMatch, articleMatch, authorsMatch, excludedAuthorsMatch, excludedMatch } from './fts'
import type { ParsedQuery } from './parse'

/**
 * SQL conditions for the non-text parts of a parsed query, on `a` (articles) and
 * `n` (annotations). Text terms become FTS5 MATCH parameters (fts.ts), never SQL.
 */

const ARTICLE_FTS = 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?'
const ANNOTATION_FTS = 'SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?'

function placeholders(n: number): string {
  return Array(n).fill('?').join(', ')
}

/** Conditions every kind of hit shares through its article: read, archived, author exclusions. */
function articleState(q: ParsedQuery, w: Where): void {
  if (q.read !== null) w.add('a.is_read = ?', q.read ? 1 : 0)
  if (q.archived !== null) w.add('a.archived = ?', q.archived ? 1 : 0)
  const notAuthors = excludedAuthorsMatch(q)
  if (notAuthors) w.add(`a.rowid NOT IN (${ARTICLE_FTS})`, notAuthors)
}

/**
 * Conditions on `a` for article hits and for the library list, except the text
 * terms (ranked search matches those itself). Dates are the published date, or
 * the import date when the article has none.
 */
export function articleFilterConditions(q: ParsedQuery, w: Where): void {
  articleState(q, w)
  for (const t of q.tags) w.add(`a.rowid IN (${ARTICLES_UNDER})`, tagNode(t))
  for (const t of q.notTags) w.add(`a.rowid NOT IN (${ARTICLES_UNDER})`, tagNode(t))
  if (q.after) w.add('coalesce(a.published, a.imported_at) >= ?', q.after)
  if (q.before) w.add('coalesce(a.published, a.imported_at) < ?', q.before)
  if (q.annotated !== null) w.add(q.annotated ? 'a.annotation_count > 0' : 'a.annotation_count = 0')
  if (q.colors.length)
    w.add(
      `EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.deleted_at IS NULL AND n.color IN (${placeholders(q.colors.length)}))`,
      ...q.colors
    )
  if (q.notColors.length)
    w.add(
      `NOT EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.deleted_at IS NULL AND n.color IN (${placeholders(q.notColors.length)}))`,
      ...q.notColors
    )
}

/** How a caller wants "article `a` matches this MATCH expression" written (the library's page queries cache big match sets). */
export type MatchCondition = (match: string) => { sql: string; params: unknown[] }

/**
 * The whole query as a condition on `a`, for the library list and bulk selections:
 * text terms match the article, or (with in:notes / in:highlights) one of its
 * live annotations.
 */
export function articleQueryConditions(q: ParsedQuery, w: Where, matchCondition?: MatchCondition): void {
  articleFilterConditions(q, w)
  if (q.scope === 'notes' || q.scope === 'highlights') {
    const m = annotationMatch(q)
    if (m) w.add(`a.id IN (SELECT n.article_id FROM annotations n WHERE n.deleted_at IS NULL AND n.rowid IN (${ANNOTATION_FTS}))`, m)
    const authors = authorsMatch(q)
    if (authors) w.add(`a.rowid IN (${ARTICLE_FTS})`, authors)
    return
  }
  const m = articleMatch(q)
  if (m && matchCondition) {
    const c = matchCondition(m)
    w.add(c.sql, ...c.params)
  } else if (m) w.add(`a.rowid IN (${ARTICLE_FTS})`, m)
  else if (q.excluded.length) w.add(`a.rowid NOT IN (${ARTICLE_FTS})`, excludedMatch(q.excluded))
}

/** Whether a query can return article hits at all (colour and in:notes are about annotations). */
export function wantsArticles(q: ParsedQuery): boolean {
  return q.scope !== 'notes' && q.scope !== 'highlights' && q.colors.length === 0 && q.notColors.length === 0
}

/** Whether a query can return annotation hits at all. */
export function wantsAnnotations(q: ParsedQuery): boolean {
  return q.scope !== 'articles' && q.annotated !== false
}

/**
 * Conditions on `n` and its article `a` for annotation hits, except the text
 * terms. Dates are when the highlight was made; a tag matches the highlight's
 * own tags or its article's.
 */
export function annotationFilterConditions(q: ParsedQuery, w: Where): void {
  articleState(q, w)
  for (const t of q.tags)
    w.add(`n.rowid IN (${ANNOTATIONS_UNDER}) OR a.rowid IN (${ARTICLES_UNDER})`, tagNode(t), tagNode(t))
  for (const t of q.notTags)
    w.add(`n.rowid NOT IN (${ANNOTATIONS_UNDER}) AND a.rowid NOT IN (${ARTICLES_UNDER})`, tagNode(t), tagNode(t))
  const authors = authorsMatch(q)
  if (authors) w.add(`a.rowid IN (${ARTICLE_FTS})`, authors)
  if (q.after) w.add('n.created_at >= ?', q.after)
  if (q.before) w.add('n.created_at < ?', q.before)
  if (q.colors.length) w.add(`n.color IN (${placeholders(q.colors.length)})`, ...q.colors)
  if (q.notColors.length) w.add(`n.color NOT IN (${placeholders(q.notColors.length)})`, ...q.notColors)
  if (q.terms.length === 0 && q.excluded.length) w.add(`n.rowid NOT IN (${ANNOTATION_FTS})`, excludedMatch(q.excluded))
}
