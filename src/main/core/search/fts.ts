import type { ParsedQuery, TextTerm } from './parse'

/**
 * FTS5 MATCH expressions built from a parsed query. Every term is emitted as a
 * double-quoted FTS5 string (inner quotes doubled), so user text is always data:
 * FTS5 operators typed by the user (AND, NEAR, ^, :, parentheses) are just words.
 */

/** One term as an FTS5 phrase: "text" or "text" * for a prefix. */
export function quoteTerm(t: TextTerm): string {
  // FTS5 reads its query as a C string: a NUL ends it mid-quote ("unterminated string").
  // NUL separates tokens anyway, so a space means the same.
  return `"${t.text.replace(/\0/g, ' ').replace(/"/g, '""')}"${t.prefix ? ' *' : ''}`
}

function all(terms: readonly TextTerm[]): string {
  return terms.map(quoteTerm).join(' AND ')
}

function any(terms: readonly TextTerm[]): string {
  return terms.map(quoteTerm).join(' OR ')
}

function withExcluded(positive: string, excluded: readonly TextTerm[]): string {
  return excluded.length ? `(${positive}) NOT (${any(excluded)})` : positive
}

/**
 * MATCH for articles_fts(title, author, text): the text terms anywhere, author:
 * terms in the author column. Null when the query has no positive text terms
 * (the caller then filters without ranking).
 */
export function articleMatch(q: ParsedQuery): string | null {
  const parts: string[] = []
  if (q.terms.length) parts.push(`(${all(q.terms)})`)
  for (const a of q.authors) parts.push(`author : ${quoteTerm(a)}`)
  if (parts.length === 0) return null
  return withExcluded(parts.join(' AND '), q.excluded)
}

/** MATCH for articles_fts selecting the authors a -author: term excludes. */
export function excludedAuthorsMatch(q: ParsedQuery): string | null {
  return q.notAuthors.length ? q.notAuthors.map((a) => `author : ${quoteTerm(a)}`).join(' OR ') : null
}

/** MATCH for articles_fts with only the excluded terms, for queries that have no positive ones. */
export function excludedMatch(terms: readonly TextTerm[]): string | null {
  return terms.length ? any(terms) : null
}

/** MATCH for articles_fts with the author: terms alone (annotation hits filter on their article's author). */
export function authorsMatch(q: ParsedQuery): string | null {
  return q.authors.length ? q.authors.map((a) => `author : ${quoteTerm(a)}`).join(' AND ') : null
}

/**
 * MATCH for annotations_fts(exact, note): the text terms in the quote or note,
 * or in the note only for in:notes. Null without positive text terms.
 */
export function annotationMatch(q: ParsedQuery): string | null {
  if (q.terms.length === 0) return null
  const expr = withExcluded(all(q.terms), q.excluded)
  return q.scope === 'notes' ? `note : (${expr})` : expr
}
