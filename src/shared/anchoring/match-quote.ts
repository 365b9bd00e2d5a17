import { alignEdgesToContext } from './align-edges'
import { findApproximate, findExact, findNear, maxErrorsFor, type Candidate } from './find-candidates'
import { hasVerbatimContext, scoreCandidate, type CandidateScore, type QuoteContext } from './score'

/** The best place found for a quote, and how well it fits. */
export interface Match extends CandidateScore {
  start: number
  end: number
  /** Edits between the quote and `text[start, end)`; 0 for a verbatim match. */
  errors: number
}

/**
 * Find the best place for `quote` in `text`.
 *
 * Verbatim occurrences are looked for first (cheap, and the usual case when
 * text was only inserted or removed elsewhere). If none has its original
 * context, edited versions near `context.hint` compete with them. If there
 * are none at all, edited versions are looked for, allowing up to a quarter
 * of the quote to differ: near `context.hint` first, then, unless one there
 * has its surroundings intact, in the whole text.
 * Candidates are ranked by `score`, from 0 to 1, which weighs how similar the
 * quote is (most), how similar the text either side is to `context.prefix`
 * and `context.suffix`, and, as a tie-breaker, nearness to `context.hint`.
 *
 * This only finds the best candidate; whether it is good enough to attach an
 * annotation to is `anchor`'s decision.
 *
 * @returns `null` if the quote is empty or nothing within the error budget exists.
 */
export function matchQuote(text: string, quote: string, context: QuoteContext = {}): Match | null {
  if (quote.length === 0) return null

  const maxErrors = maxErrorsFor(quote.length)
  const exact = findExact(text, quote)
  if (exact.length === 0) {
    // The usual edit is a correction inside the passage, leaving it where it
    // was with its surroundings intact; that needs no search of the whole text.
    if (context.hint !== undefined) {
      const inPlace = best(text, quote, findNear(text, quote, maxErrors, context.hint), context)
      if (inPlace && inPlace.contextSimilarity >= IN_PLACE_CONTEXT_SIMILARITY) return inPlace
    }
    return best(text, quote, findApproximate(text, quote, maxErrors, context.hint), context)
  }
  // An occurrence whose context is unchanged on both sides is taken over any
  // other, however far it moved: it is the stronger evidence.
  const verbatim = exact.filter((c) => hasVerbatimContext(text, c, context))
  if (verbatim.length > 0) return best(text, quote, verbatim, context)
  // The quote may also occur elsewhere by chance while its own passage was
  // edited in place, so near the old position edited versions compete too.
  const near = context.hint === undefined ? [] : findNear(text, quote, maxErrors, context.hint)
  return best(text, quote, [...shortlist(text, exact, context), ...near], context)
}

// Context this intact around an edited quote near its old position means
// the passage was edited in place; 32 characters either side this similar
// by chance is far beyond anything measured (see DEFAULT_ACCEPTANCE).
const IN_PLACE_CONTEXT_SIMILARITY = 0.9

// Scoring context costs two small edit-distance searches per candidate, too
// much for every "the" in a book (tens of thousands); half the shortlist is
// taken by agreement right next to the quote, half by nearness to the hint.
const SHORTLIST_SIZE = 64

/** At most `SHORTLIST_SIZE` of `candidates`, the likeliest by cheap measures. */
function shortlist(text: string, candidates: Candidate[], context: QuoteContext): Candidate[] {
  if (candidates.length <= SHORTLIST_SIZE) return candidates
  const { prefix = '', suffix = '', hint } = context
  const adjacentAgreement = (c: Candidate): number =>
    agreeingBackward(text, c.start, prefix) + agreeingForward(text, c.end, suffix)
  const byAgreement = candidates
    .map((c) => ({ c, agreement: adjacentAgreement(c) }))
    .sort((a, b) => b.agreement - a.agreement)
    .slice(0, SHORTLIST_SIZE / 2)
    .map(({ c }) => c)
  const byNearness =
    hint === undefined
      ? []
      : [...candidates]
          .sort((a, b) => Math.abs(a.start - hint) - Math.abs(b.start - hint))
          .slice(0, SHORTLIST_SIZE / 2)
  return [...new Set([...byAgreement, ...byNearness])]
}

/** How many characters of `prefix`, read from its end, precede `offset` in `text`. */
function agreeingBackward(text: string, offset: number, prefix: string): number {
  let n = 0
  while (n < prefix.length && n < offset && text[offset - 1 - n] === prefix[prefix.length - 1 - n]) n += 1
  return n
}

/** How many characters of `suffix`, read from its start, follow `offset` in `text`. */
function agreeingForward(text: string, offset: number, suffix: string): number {
  let n = 0
  while (n < suffix.length && offset + n < text.length && text[offset + n] === suffix[n]) n += 1
  return n
}

function best(text: string, quote: string, candidates: Candidate[], context: QuoteContext): Match | null {
  const maxShift = maxErrorsFor(quote.length)
  let winner: Match | null = null
  for (const found of candidates) {
    // An edited passage's extent is judged by its surroundings; its error
    // count stays that of the closest alignment, the measure of how much of
    // the quote survived.
    const candidate =
      found.errors === 0
        ? found
        : { ...alignEdgesToContext(text, found, context, maxShift), errors: found.errors }
    const scored = { ...candidate, ...scoreCandidate(text, quote.length, candidate, context) }
    if (!winner || scored.score > winner.score) winner = scored
  }
  return winner
}
