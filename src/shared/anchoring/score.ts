import approxSearch from 'approx-string-match'
import type { Candidate } from './find-candidates'

/** What the annotation's surroundings and position were when it was made. */
export interface QuoteContext {
  /** Text expected just before the quote. */
  prefix?: string
  /** Text expected just after the quote. */
  suffix?: string
  /** Offset where the quote is expected to start (its old position). */
  hint?: number
}

/** How well a candidate fits, as the parts that go into its score. */
export interface CandidateScore {
  /** Overall fit from 0 to 1: the weighted sum below divided by its maximum. */
  score: number
  /** 1 minus the quote's edits per character: 1 is verbatim. */
  quoteSimilarity: number
  /**
   * Similarity of the text before and after to the stored prefix and suffix,
   * per character of stored context (1 if none was stored).
   */
  contextSimilarity: number
}

// Weights of the evidence that a candidate is the annotated passage (the
// values Hypothesis uses). The words themselves count most; the context on
// each side counts less but is what tells repeats of a phrase apart.
const QUOTE_WEIGHT = 50
const PREFIX_WEIGHT = 20
const SUFFIX_WEIGHT = 20
// Nearness to the old position only breaks ties: text legitimately moves far
// when a passage is inserted or removed above it.
const POSITION_WEIGHT = 2
const MAX_SCORE = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT

/**
 * Similarity from 0 to 1 of the best match for `expected` anywhere in
 * `actual`: 1 minus its edits per character of `expected`. Searching within
 * `actual` rather than comparing whole strings lets a few inserted or deleted
 * characters right next to the quote cost only those characters.
 */
export function similarity(actual: string, expected: string): number {
  if (expected.length === 0 || actual === expected) return 1
  if (actual.length === 0) return 0
  // With a budget of every character, some match always exists.
  const best = approxSearch(actual, expected, expected.length)[0]
  return best ? 1 - best.errors / expected.length : 0
}

/** True if the text either side of `candidate` is exactly the stored context. */
export function hasVerbatimContext(text: string, candidate: Candidate, context: QuoteContext): boolean {
  const { prefix = '', suffix = '' } = context
  return (
    text.startsWith(suffix, candidate.end) &&
    candidate.start >= prefix.length &&
    text.startsWith(prefix, candidate.start - prefix.length)
  )
}

/** Score `candidate` as the place in `text` where a quote of `quoteLength` now is. */
export function scoreCandidate(
  text: string,
  quoteLength: number,
  candidate: Candidate,
  context: QuoteContext
): CandidateScore {
  const { prefix = '', suffix = '', hint } = context
  const quoteSimilarity = quoteLength > 0 ? Math.max(0, 1 - candidate.errors / quoteLength) : 0
  const prefixSimilarity = similarity(
    text.slice(Math.max(0, candidate.start - prefix.length), candidate.start),
    prefix
  )
  const suffixSimilarity = similarity(text.slice(candidate.end, candidate.end + suffix.length), suffix)
  const positionScore =
    hint === undefined || text.length === 0
      ? 1
      : Math.max(0, 1 - Math.abs(candidate.start - hint) / text.length)

  const raw =
    QUOTE_WEIGHT * quoteSimilarity +
    PREFIX_WEIGHT * prefixSimilarity +
    SUFFIX_WEIGHT * suffixSimilarity +
    POSITION_WEIGHT * positionScore
  return {
    score: raw / MAX_SCORE,
    quoteSimilarity,
    contextSimilarity: contextSimilarity(prefix.length, prefixSimilarity, suffix.length, suffixSimilarity)
  }
}

/**
 * Context similarity weighted by length. A quote at the very start or end of
 * the text has little or no context on that side, and the empty side must
 * not count as a perfect half: that would let a short quote at the end of
 * the text match anything else that happens to end it.
 */
function contextSimilarity(
  prefixLength: number,
  prefixSimilarity: number,
  suffixLength: number,
  suffixSimilarity: number
): number {
  const total = prefixLength + suffixLength
  if (total === 0) return 1
  return (prefixLength * prefixSimilarity + suffixLength * suffixSimilarity) / total
}
