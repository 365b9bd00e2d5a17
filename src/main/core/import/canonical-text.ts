/**
 * The parts of the canonical form that need no HTML parser — its shape, the block
 * elements, escaping and the surrogate clean-up — on their own, so the plain-text
 * builder (safe-html.ts) uses them without loading parse5 (see canonical.ts).
 */

/** Canonical article content: the stored HTML and the plain text annotations anchor to. */
export interface Canonical {
  /** HTML that parses (as the innerHTML of a <div>) back to exactly this tree. */
  html: string
  /** All text nodes of that tree, concatenated in document order (UTF-16). */
  text: string
}

/**
 * Elements rendered on their own line. Between two of them (or one of them and text)
 * the browser shows a break that the DOM text does not contain, so we add a "\n" text
 * node there; otherwise words of adjacent paragraphs glue together in search, quotes
 * and exports. <br> counts as a break only after itself.
 */
export const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
])

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

/**
 * Replaces unpaired surrogates with U+FFFD (as String#toWellFormed does). They are
 * never text anyone wrote — a damaged UTF-16 file leaves them — and parse5 pairs two
 * low surrogates into an invalid code point and throws.
 */
export function wellFormed(s: string): string {
  return isWellFormed(s) ? s : s.replace(LONE_SURROGATE, '\ufffd')
}

/**
 * String#isWellFormed (ES2024, in Node 20 and later; TypeScript's ES2023 library lacks
 * it): a native scan, several times faster than a regex looking for surrogates.
 */
export const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed()

const TEXT_SPECIAL = /[&<>\u00a0\r]/
/** Escapes a text node as the canonical serialiser writes it. */
export function escapeText(s: string): string {
  if (!TEXT_SPECIAL.test(s)) return s
  return s.replace(/[&<>\u00a0\r]/g, (c) => ESCAPES[c])
}
/** Escapes an attribute value as the canonical serialiser writes it. */
export function escapeAttr(s: string): string {
  // < and > too (as the 2025 HTML spec does): harmless, and it defeats mutation-XSS
  // tricks that smuggle markup through attribute values into other parsers.
  return s.replace(/[&"<>\u00a0\r]/g, (c) => ESCAPES[c])
}
const ESCAPES: Record<string, string> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\u00a0': '&nbsp;', '\r': '&#13;'
}
