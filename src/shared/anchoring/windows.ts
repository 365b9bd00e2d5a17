/**
 * Filters for the fuzzy search: scans of the whole text that point to the few
 * small windows where an approximate match of a quote can be, so the search
 * for the whole quote runs over those windows only.
 */
import approxSearch from 'approx-string-match'

/** A half-open `[from, to)` stretch of the text. */
export type Window = [number, number]

// Pieces shorter than this occur everywhere and point nowhere.
const MIN_PIECE_LENGTH = 8
// Each piece costs one scan of the text (about 2 ms for 3 MB).
const MAX_PIECES = 16
// A piece found more often than this is a common phrase; its windows would
// cost more to check than a full search and tell us little.
const MAX_PIECE_HITS = 32

/**
 * Windows where some piece of `quote` occurs verbatim (the pigeonhole filter).
 *
 * The quote is cut into disjoint pieces, each edit touches at most one, so a
 * place that matches the quote with fewer errors than there are pieces holds
 * at least one piece verbatim and lies in one of these windows. Hence the
 * guarantee returned as `provenBelow` (the number of pieces actually looked
 * for): a match in the windows with fewer errors than that is the best match
 * anywhere in the text.
 */
export function pieceWindows(
  text: string,
  quote: string,
  maxErrors: number
): { windows: Window[]; provenBelow: number } {
  const count = Math.max(1, Math.min(MAX_PIECES, Math.floor(quote.length / MIN_PIECE_LENGTH)))
  const windows: Window[] = []
  let usable = 0
  for (let i = 0; i < count; i += 1) {
    const from = Math.floor((i * quote.length) / count)
    const piece = quote.slice(from, Math.floor(((i + 1) * quote.length) / count))
    const hits: number[] = []
    for (let at = text.indexOf(piece); at !== -1; at = text.indexOf(piece, at + 1)) {
      hits.push(at)
      if (hits.length > MAX_PIECE_HITS) break
    }
    // Skipping a piece is safe: the guarantee just counts one piece fewer.
    if (hits.length > MAX_PIECE_HITS) continue
    usable += 1
    for (const at of hits) windows.push(quoteWindow(text, at - from, quote.length, maxErrors))
  }
  return { windows: mergeWindows(windows), provenBelow: usable }
}

// The probe is searched approximately over the whole text, which costs about
// the same for any pattern up to 64 characters (80-120 ms for 3 MB), so it is
// made as long as that allows: a longer probe strays less.
const PROBE_LENGTH = 64
// Beyond this many places the probe matches, the quote is boilerplate
// repeated throughout the text; checking the first ones is enough.
const MAX_PROBE_HITS = 256

/**
 * Windows where the first 64 characters of a long `quote` approximately occur.
 *
 * One probe, not several: each costs a full pass over the text, and this is
 * the path every orphaned annotation takes. It is only reached when the
 * passage is neither near its old position nor has any verbatim piece left
 * near its new one, so it has both moved and been edited throughout; if its
 * opening was rewritten too, the annotation is orphaned.
 */
export function probeWindows(text: string, quote: string, maxErrors: number): Window[] {
  const probe = quote.slice(0, PROBE_LENGTH)
  const hits = approxSearch(text, probe, Math.floor(probe.length / 4)).slice(0, MAX_PROBE_HITS)
  return mergeWindows(hits.map((hit) => quoteWindow(text, hit.start, quote.length, maxErrors)))
}

// How far from its old position an edited quote is looked for before any
// filtering: edits nearby commonly shift it by a few words, sometimes a
// sentence or two.
const HINT_SLACK = 512

/**
 * The window around the quote's old position. Whatever the filters say, the
 * likeliest place for an edited passage is where it was, and searching one
 * small window costs next to nothing.
 */
export function hintWindow(text: string, quoteLength: number, maxErrors: number, hint: number): Window[] {
  const from = Math.max(0, Math.min(text.length, hint) - HINT_SLACK - maxErrors)
  const to = Math.min(text.length, Math.max(0, hint) + quoteLength + HINT_SLACK + maxErrors)
  return from < to ? [[from, to]] : []
}

/**
 * The stretch a match of the quote can occupy if it starts near `quoteStart`:
 * edits before any given point shift the match by at most `maxErrors`.
 */
function quoteWindow(text: string, quoteStart: number, quoteLength: number, maxErrors: number): Window {
  return [
    Math.max(0, quoteStart - maxErrors),
    Math.min(text.length, quoteStart + quoteLength + maxErrors)
  ]
}

/** Sort and merge overlapping windows, so no stretch is searched twice. */
function mergeWindows(windows: Window[]): Window[] {
  const sorted = [...windows].sort((a, b) => a[0] - b[0])
  const merged: Window[] = []
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1]
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else merged.push([from, to])
  }
  return merged
}
