/**
 * Selector and anchor types for text anchoring.
 *
 * Offsets are JavaScript string (UTF-16 code unit) offsets into the article's
 * plain text: the concatenation of its text nodes in document order. The core
 * and the renderer both count this way, so they agree exactly.
 */

/** Where the annotated range was, as half-open offsets `[start, end)`. */
export interface TextPositionSelector {
  type: 'TextPositionSelector'
  start: number
  end: number
}

/** What the annotated range said, with a little text either side to tell repeats apart. */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector'
  /** The annotated text itself. */
  exact: string
  /** Text just before `exact` (empty at the start of the text). */
  prefix: string
  /** Text just after `exact` (empty at the end of the text). */
  suffix: string
}

/** Both selectors are stored for every annotation; each rescues the other. */
export interface Selectors {
  position: TextPositionSelector
  quote: TextQuoteSelector
}

/**
 * How an anchor was found, from most to least certain:
 * - `position`: the stored offsets still hold the quoted text;
 * - `exact`: the quote was found verbatim elsewhere (the text moved);
 * - `fuzzy`: a similar passage was found (the text was edited).
 */
export type AnchorMethod = 'position' | 'exact' | 'fuzzy'

/** A range of the current text that an annotation is attached to. */
export interface Anchor {
  start: number
  end: number
  /** Confidence from 0 to 1; see `matchQuote` for what goes into it. */
  score?: number
  method: AnchorMethod
}
