import sanitize from 'sanitize-html'
import { MAX_HTML_CHARS, MAX_NESTING_DEPTH } from './html-limits'
import { ImportError } from './types'

export { MAX_HTML_CHARS, MAX_NESTING_DEPTH }

const BLOCK_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre',
  'figure', 'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  'hr', 'div', 'section', 'article', 'header', 'footer', 'aside', 'dl', 'dt', 'dd'
]
const INLINE_TAGS = [
  'code', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'a', 'img', 'br',
  'span', 'abbr', 'q', 'cite', 'mark', 'time'
]

/** Tags whose text is never article content, so it is dropped with the tag. */
const DROP_WITH_CONTENT = [
  'script', 'style', 'noscript', 'template', 'textarea', 'title', 'option', 'select',
  'svg', 'math', 'iframe', 'object', 'embed', 'noembed', 'noframes', 'xmp', 'head', 'button'
]

/** Only raster images embedded in the document; the reader never fetches anything. */
const SAFE_DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp)(?:;[a-z0-9=._-]+)*;base64,[a-z0-9+/=\s]*$/i
const SAFE_LINK = /^(?:https?:|mailto:)/i

/**
 * The URL parser trims C0 controls and spaces at both ends and deletes tabs and
 * newlines anywhere ("java\tscript:" is "javascript:"), so the scheme check must see
 * the URL exactly as the browser will, and we store that form.
 */
function browserUrl(value: string): string {
   
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
}

/** Keeps absolute http(s)/mailto links and in-document fragments; everything else goes. */
function safeHref(raw: string | undefined): string | null {
  if (raw === undefined) return null
  const href = browserUrl(raw)
  return href.startsWith('#') || SAFE_LINK.test(href) ? href : null
}

const options: sanitize.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    time: ['datetime'],
    abbr: ['title']
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: DROP_WITH_CONTENT,
  nestingLimit: MAX_NESTING_DEPTH,
  // Comments and processing instructions never reach the output.
  allowedClasses: {},
  allowedStyles: {},
  parseStyleAttributes: false,
  transformTags: {
    a: (tagName, attribs) => {
      const out: sanitize.Attributes = {}
      const href = safeHref(attribs.href)
      if (href !== null) out.href = href
      if (attribs.title !== undefined) out.title = attribs.title
      return { tagName, attribs: out }
    },
    img: (tagName, attribs) => {
      const out: sanitize.Attributes = {}
      const src = attribs.src === undefined ? '' : browserUrl(attribs.src)
      if (SAFE_DATA_IMAGE.test(src)) out.src = src
      if (attribs.alt !== undefined) out.alt = attribs.alt
      if (attribs.title !== undefined) out.title = attribs.title
      return { tagName, attribs: out }
    },
    td: numericSpans,
    th: numericSpans
  },
  // An image whose source was removed would show as a broken-image icon.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src
}

/** colspan/rowspan are only ever small integers; anything else is noise or an attack. */
function numericSpans(tagName: string, attribs: sanitize.Attributes): sanitize.Tag {
  const out: sanitize.Attributes = {}
  for (const name of ['colspan', 'rowspan']) {
    const value = attribs[name]
    if (value !== undefined && /^\s*\d{1,4}\s*$/.test(value)) out[name] = value.trim()
  }
  return { tagName, attribs: out }
}

/**
 * Reduces untrusted HTML to the reader's allow-list: text structure, tables, links
 * (http/https/mailto/#fragment only) and embedded raster images (data: URLs only).
 * No scripts, handlers, styles, classes, ids, forms, frames, SVG or MathML survive,
 * and the contents of script/style/noscript/template/textarea/title are dropped.
 * The result is not yet canonical: pass it to `canonicalize` before storing it.
 * @throws ImportError when the HTML is larger than MAX_HTML_CHARS.
 */
export function sanitizeHtml(html: string): string {
  if (html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      `document too large (${Math.round(html.length / 1048576)} MB of HTML, limit ${MAX_HTML_CHARS / 1048576} MB) — split it into smaller files`
    )
  }
  return sanitize(html, options)
}
