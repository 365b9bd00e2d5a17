import { expandToCharacters } from './boundaries'
import { matchQuote } from './match-quote'
import { hasVerbatimContext, type CandidateScore } from './score'
import type { Anchor, Selectors, TextPositionSelector } from './types'

/** When a found passage is trusted enough to carry the annotation. */
export interface AcceptanceRules {
  /** Least overall score (0 to 1). Only fuzzy matches can fall below it. */
  minScore: number
  /** Least similarity of the found text to the quote (1 = verbatim). */
  minQuoteSimilarity: number
  /** Quotes at least this long (code units) are evidence enough on their own. */
  selfEvidentLength: number
  /** Least mean similarity of the surrounding text, required of shorter quotes. */
  minContextSimilarity: number
}

/**
 * Defaults, chosen so that a wrong place is rarer than a lost one: an
 * orphaned annotation is kept and shown as such, while a highlight on the
 * wrong words misleads silently.
 */
export const DEFAULT_ACCEPTANCE: AcceptanceRules = {
  // A verbatim match always scores above 0.54 (quote weight 50 of 92), so this
  // only turns away fuzzy matches whose quote and context both fit poorly.
  minScore: 0.5,
  // Equal to the fuzzy search's error budget (a quarter of the quote); stated
  // here so the rule does not hang on a search detail.
  minQuoteSimilarity: 0.75,
  // Short phrases ("the CSTO member states") recur across an article, so
  // finding one verbatim proves little; a passage this long rarely recurs.
  selfEvidentLength: 64,
  // Measured on the news digest fixture: context 32 characters either side of
  // two unrelated places averages 0.28 similar, 0.53 at the 99.9th percentile.
  // One side unchanged and the other rewritten still scores about 0.64.
  minContextSimilarity: 0.6
}

/** Options for `anchor`. */
export interface AnchorOptions {
  /** Override some of `DEFAULT_ACCEPTANCE`. */
  rules?: Partial<AcceptanceRules>
}

/**
 * Find where an annotation described by `selectors` belongs in `text`, which
 * may have changed since the annotation was made.
 *
 * 1. The stored position, if it still holds the quoted text and its
 *    surroundings (if only the quote agrees, it competes in step 2).
 * 2. Otherwise the quote found verbatim, repeats told apart by their
 *    surroundings and then by nearness to the old position.
 * 3. Otherwise the most similar passage, if it passes `AcceptanceRules`.
 *
 * @returns `null` if no place is trustworthy: the annotation is orphaned, and
 *          the caller keeps it (and shows it as such) rather than dropping it.
 */
export function anchor(text: string, selectors: Selectors, opts: AnchorOptions = {}): Anchor | null {
  const rules: AcceptanceRules = { ...DEFAULT_ACCEPTANCE, ...opts.rules }
  const { position, quote } = selectors
  const { exact } = quote
  if (exact.length === 0) return null
  const context = {
    prefix: quote.prefix,
    suffix: quote.suffix,
    hint: Number.isFinite(position.start) ? position.start : undefined
  }

  // The fast path needs the context to agree too: a short quote ("e", "the")
  // can sit at its old offset by coincidence after text shifted.
  const held = positionHoldsQuote(text, position, exact)
  if (held && hasVerbatimContext(text, { ...position, errors: 0 }, context)) {
    return { start: position.start, end: position.end, score: 1, method: 'position' }
  }

  const match = matchQuote(text, exact, context)
  if (!match || !accepts(rules, exact, match)) return null
  if (match.errors === 0) {
    const inPlace = held && match.start === position.start
    return { start: match.start, end: match.end, score: match.score, method: inPlace ? 'position' : 'exact' }
  }
  // Fuzzy match edges can fall inside an emoji or before a combining accent.
  const range = expandToCharacters(text, match.start, match.end)
  return { start: range.start, end: range.end, score: match.score, method: 'fuzzy' }
}

function positionHoldsQuote(text: string, position: TextPositionSelector, exact: string): boolean {
  const { start, end } = position
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    end - start === exact.length &&
    text.startsWith(exact, start)
  )
}

function accepts(rules: AcceptanceRules, quote: string, fit: CandidateScore): boolean {
  return (
    fit.score >= rules.minScore &&
    fit.quoteSimilarity >= rules.minQuoteSimilarity &&
    (quote.length >= rules.selfEvidentLength || fit.contextSimilarity >= rules.minContextSimilarity)
  )
}
