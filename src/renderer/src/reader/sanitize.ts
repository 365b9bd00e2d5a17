import DOMPurify, { type Config } from 'dompurify'

/**
 * Second line of defence: the core sanitised the article at import; the reader
 * sanitises again with the browser's own parser before display, with the same
 * allow-list, so a bug in either one alone lets nothing through.
 */
const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code', 'em', 'strong', 'b', 'i', 'u',
  's', 'sub', 'sup', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  'hr', 'br', 'span', 'div', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'dl', 'dt', 'dd', 'abbr', 'q',
  'cite', 'mark', 'time', 'small'
]
const ALLOWED_ATTR = ['href', 'title', 'src', 'alt', 'colspan', 'rowspan', 'datetime']

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|data:image\/(?:png|jpeg|gif|webp);)/i
}

/**
 * The article's own DOMPurify instance, configured once: a book is sanitised in a
 * few hundred chunks, and parsing the configuration on every call costs a third
 * of the time. Separate from the default instance, which notes use with another
 * allow-list.
 */
const articlePurifier = DOMPurify(window)
articlePurifier.setConfig({ ...CONFIG, RETURN_DOM_FRAGMENT: true })

/** Sanitises an HTML string (an article or a run of its blocks) into a fragment. */
export function purify(html: string): DocumentFragment {
  return articlePurifier.sanitize(html) as unknown as DocumentFragment
}

/**
 * Sanitises, in place, a `<div>` holding already-parsed nodes of an inert
 * document (the fallback for HTML that cannot be cut into blocks as text).
 * Returns how many nodes or attributes were removed — zero for content the core
 * stored, since it applies the same allow-list.
 */
export function purifyInPlace(wrapper: HTMLDivElement): number {
  DOMPurify.sanitize(wrapper, { ...CONFIG, IN_PLACE: true })
  return DOMPurify.removed.length
}

/**
 * Nodes or attributes removed by the last purify() call. DOMPurify lists the
 * <body> it parses the string into as removed (it is not on the allow-list but
 * is the walk's root, whose content stays); that one is not counted.
 */
export function lastRemoved(): number {
  return articlePurifier.removed.filter((r) => !('element' in r) || r.element.nodeName !== 'BODY').length
}
