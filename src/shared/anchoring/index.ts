/**
 * Text anchoring: attach annotations to an article's plain text and find them
 * again after the text changes. Pure TypeScript, shared by the core and the
 * renderer; mapping offsets to DOM ranges is the renderer's business.
 */
export type {
  Anchor,
  AnchorMethod,
  Selectors,
  TextPositionSelector,
  TextQuoteSelector
} from './types'
export { AnchoringError, type AnchoringErrorCode } from './errors'
export { trimRange } from './trim-range'
export { describeRange, DEFAULT_CONTEXT_LENGTH } from './describe'
export { matchQuote, type Match } from './match-quote'
export type { QuoteContext } from './score'
export { anchor, DEFAULT_ACCEPTANCE, type AcceptanceRules, type AnchorOptions } from './anchor'
