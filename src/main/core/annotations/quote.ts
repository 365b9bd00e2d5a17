import { matchQuote } from '../../../shared/anchoring'

/** Text the user expects around the quote, to pick one of several occurrences. */
export interface QuoteHints {
  prefix?: string
  suffix?: string
}

/**
 * Where `quote` occurs verbatim in `text`: among several occurrences the one
 * whose surroundings best match `prefix`/`suffix`, else the first. Only
 * verbatim matches count — a script asking to highlight exact words must not
 * get a highlight on merely similar ones.
 *
 * @returns `null` if the quote is empty or not in the text.
 */
export function locateQuote(text: string, quote: string, hints: QuoteHints = {}): { start: number; end: number } | null {
  if (quote.length === 0) return null
  const first = text.indexOf(quote)
  if (first < 0) return null
  if (!hints.prefix && !hints.suffix) return { start: first, end: first + quote.length }
  // The hint at 0 makes the earliest occurrence win when the context scores tie.
  const match = matchQuote(text, quote, { prefix: hints.prefix, suffix: hints.suffix, hint: 0 })
  if (!match || match.errors !== 0) return { start: first, end: first + quote.length }
  return { start: match.start, end: match.end }
}
