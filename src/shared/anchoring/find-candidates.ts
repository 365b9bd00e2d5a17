import approxSearch from 'approx-string-match'
import { hintWindow, pieceWindows, probeWindows, type Window } from './windows'

/** A place in the text where a quote may be, with its edit distance to the quote. */
export interface Candidate {
  start: number
  end: number
  /** Insertions, deletions and substitutions between the quote and `text[start, end)`. */
  errors: number
}

/**
 * Most edits a fuzzy match may differ from the quote by: a quarter of its
 * length, so that a match is always at least 75% the same text. The cap keeps
 * the search cost bounded, since it grows with the error budget.
 */
export function maxErrorsFor(quoteLength: number): number {
  return Math.min(256, Math.floor(quoteLength / 4))
}

/** Every verbatim occurrence of `quote` in `text`, overlapping ones included. */
export function findExact(text: string, quote: string): Candidate[] {
  const found: Candidate[] = []
  if (quote.length === 0) return found
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    found.push({ start: at, end: at + quote.length, errors: 0 })
  }
  return found
}

// Up to this length a quote is searched whole over the entire text: the cost
// of an approximate search is flat up to two 32-bit words of pattern
// (Myers' algorithm works a machine word at a time) and grows beyond.
const WHOLE_SEARCH_MAX_LENGTH = 64

/**
 * Places in `text` that differ from `quote` by at most `maxErrors` edits:
 * the places with fewest errors in the text (for long quotes, among those
 * the probe leads to), plus the best place in each region that looked
 * promising (near `hint`, or around a verbatim piece of the quote). Those
 * extra candidates matter: an edited passage may differ from its quote by
 * more than a similar passage elsewhere does, and only its context can then
 * tell which is which.
 *
 * A full approximate search of a book-length text costs about 80 ms per
 * pattern, so it is the last resort. The regions are searched first (a few
 * milliseconds); if the best match there is provably the best anywhere, that
 * is enough. Otherwise short quotes are searched whole, and long ones in
 * windows around approximate matches of their first 64 characters.
 */
export function findApproximate(
  text: string,
  quote: string,
  maxErrors: number,
  hint?: number
): Candidate[] {
  if (quote.length === 0 || text.length === 0) return []

  const pieces = pieceWindows(text, quote, maxErrors)
  const near = hint === undefined ? [] : hintWindow(text, quote.length, maxErrors, hint)
  const nearby = searchWindows(text, quote, maxErrors, [...pieces.windows, ...near])
  const fewest = nearby.reduce((min, c) => Math.min(min, c.errors), Infinity)
  if (fewest < pieces.provenBelow) return nearby

  const rest =
    quote.length <= WHOLE_SEARCH_MAX_LENGTH
      ? approxSearch(text, quote, maxErrors)
      : searchWindows(text, quote, maxErrors, probeWindows(text, quote, maxErrors))
  return unique([...nearby, ...rest])
}

/**
 * The best places for `quote` within a short distance of `hint`, its old
 * position: where an edited passage most likely still is.
 */
export function findNear(text: string, quote: string, maxErrors: number, hint: number): Candidate[] {
  return searchWindows(text, quote, maxErrors, hintWindow(text, quote.length, maxErrors, hint))
}

/** The best matches of `quote` within each window. */
function searchWindows(text: string, quote: string, maxErrors: number, windows: Window[]): Candidate[] {
  const found: Candidate[] = []
  for (const [from, to] of windows) {
    for (const m of approxSearch(text.slice(from, to), quote, maxErrors)) {
      found.push({ start: from + m.start, end: from + m.end, errors: m.errors })
    }
  }
  return unique(found)
}

/** Each place once: windows overlap, and searches report a match at adjacent offsets. */
function unique(candidates: Candidate[]): Candidate[] {
  const seen = new Set<string>()
  return candidates.filter((c) => {
    const key = `${c.start}:${c.end}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
