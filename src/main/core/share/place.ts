import { anchor, AnchoringError, describeRange } from '../../../shared/anchoring'

/** Where an annotation goes on an article's text, and the selectors stored for it. */
export interface Placement {
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  /** Not found on this text: kept with the sender's selectors, shown as orphaned. */
  orphaned: boolean
}

/** The sender's selectors, as the file gives them. */
export interface GivenSelectors {
  exact: string
  prefix: string
  suffix: string
  start: number | null
  end: number | null
}

/** Raised when the file's position cannot belong to the text it says it was made on. */
export class OutOfRange extends Error {}

/**
 * Places a teammate's annotation on this library's copy of the article.
 * When the copy is the very text the annotation was made on (`sameText`: same
 * content hash) and the quote is at the given position, the selectors are
 * kept exactly as sent; a position outside that text is a damaged file
 * (OutOfRange). Otherwise the annotation is re-anchored by its quote and
 * context (the article was matched by address but its text differs), with
 * fresh selectors for where it landed; not found, it keeps the sent
 * selectors and is marked orphaned — never dropped.
 */
export function place(text: string, a: GivenSelectors, sameText: boolean): Placement {
  const kept = { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start ?? 0, end: a.end ?? a.exact.length }
  if (sameText && a.start !== null && a.end !== null) {
    if (a.end > text.length)
      throw new OutOfRange(`selector out of range: [${a.start}, ${a.end}) is beyond the article's ${text.length} characters`)
    if (text.slice(a.start, a.end) === a.exact) return { ...kept, orphaned: false }
  }
  const found = anchor(text, {
    position: { type: 'TextPositionSelector', start: a.start ?? Number.NaN, end: a.end ?? Number.NaN },
    quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix }
  })
  if (!found) return { ...kept, orphaned: true }
  if (found.start === a.start && found.end === a.end && text.slice(found.start, found.end) === a.exact && found.method === 'position')
    return { ...kept, orphaned: false }
  try {
    const s = describeRange(text, found.start, found.end)
    return { ...s.position, exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix, orphaned: false }
  } catch (e) {
    if (e instanceof AnchoringError) return { ...kept, orphaned: true }
    throw e
  }
}
