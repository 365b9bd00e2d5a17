import type { Span } from './overlap'

/** A search for a very common letter stops here; the count then reads "10000+". */
export const MAX_FIND_MATCHES = 10_000

export interface FindResult {
  matches: Span[]
  /** True when there were more matches than MAX_FIND_MATCHES. */
  truncated: boolean
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * Every occurrence of `query` in the article's plain text, ignoring case, with any
 * run of whitespace in the query matching any run in the text (so a phrase found
 * across a line or paragraph break still counts). Works on `article.text`, not the
 * page, so it is exact even while a long book is still being laid out.
 */
export function findAll(text: string, query: string, limit = MAX_FIND_MATCHES): FindResult {
  const q = query.trim()
  if (!q) return { matches: [], truncated: false }
  const pattern = q.split(/\s+/).map(escapeRegExp).join('\\s+')
  const re = new RegExp(pattern, 'giu')
  const matches: Span[] = []
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (matches.length === limit) return { matches, truncated: true }
    matches.push({ start: m.index, end: m.index + m[0].length })
    if (m[0].length === 0) re.lastIndex++
  }
  return { matches, truncated: false }
}

/** Index of the first match at or after `offset` (wrapping to 0), or -1 with no matches. */
export function matchFrom(matches: readonly Span[], offset: number): number {
  if (matches.length === 0) return -1
  let lo = 0
  let hi = matches.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (matches[mid].start < offset) lo = mid + 1
    else hi = mid
  }
  return lo === matches.length ? 0 : lo
}
