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

/** Sanitises an HTML string into a fragment of the current document. */
export function purify(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true })
}

/**
 * Sanitises, in place, a `<div>` holding already-parsed nodes of an inert
 * document, so a long book can be cleaned a chunk at a time just before each
 * chunk is shown. Returns how many nodes or attributes were removed — zero for
 * content the core stored, since it applies the same allow-list.
 */
export function purifyInPlace(wrapper: HTMLDivElement): number {
  DOMPurify.sanitize(wrapper, { ...CONFIG, IN_PLACE: true })
  return DOMPurify.removed.length
}
