/**
 * A single linear scan over raw HTML, before any DOM exists. It removes what is never
 * content (scripts, styles, noscript, templates, comments) — on heavy news pages that
 * is most of the bytes, so the DOM build and Readability get much cheaper — keeps the
 * JSON-LD blocks for metadata, and bounds element nesting, because Readability's cost
 * grows with depth squared and it overflows the stack at a few thousand levels.
 */

/**
 * Elements nested deeper than this lose their tags (their text is kept). Real pages
 * nest 20–60 deep; Readability needs ~0.1 s per 200-deep chain and crashes at ~5,000.
 */
export const MAX_HTML_DEPTH = 128

/** The cleaned HTML and the JSON-LD blocks that were in removed <script> elements. */
export interface Prepassed {
  /** A complete `<html><head>…</head><body>…</body></html>` document. */
  html: string
  jsonLd: string[]
}

/** Skeleton tags are rebuilt by us: linkedom needs exactly one of each, in order. */
const SKELETON = new Set(['html', 'head', 'body'])

/** Removed with their contents. */
const STRIP = new Set(['script', 'style', 'noscript', 'template'])
/**
 * Removed with their contents too, as never article text (the sanitiser would drop the
 * raw-text ones and SVG/MathML anyway; navigation and media fallbacks only mislead
 * Readability). They may nest, so the matching end tag is found by counting; one
 * without an end tag is kept, since a browser would put the rest of the page inside it.
 */
const DROP_NESTED = new Set(['nav', 'svg', 'math', 'video', 'audio', 'canvas'])
/** Raw-text elements dropped with their text, which ends at the first end tag. */
const DROP_RAW = new Set(['textarea', 'xmp', 'iframe', 'noembed', 'noframes'])
/** Their contents are text, not tags, in a browser: copied through untouched. */
const RAW = new Set(['title'])
/** These never nest (void) or close themselves implicitly, so they do not add depth. */
const NO_DEPTH = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input',
  'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'tr',
  'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'rtc',
  'colgroup', 'caption', 'html', 'head', 'body', '!doctype'
])
/** Where a dropped tag was a block, a newline keeps its words apart from the next. */
const BLOCKISH = new Set(['div', 'section', 'article', 'blockquote', 'ul', 'ol', 'table', 'dl', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figure', 'aside', 'header', 'footer', 'nav', 'main'])

const NAME_CHAR = /[^\s/>]/
const isLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/**
 * Index of the '>' that ends the tag starting at `from`, as the HTML tokenizer sees it:
 * a quote starts a quoted value only right after '='. Returns -1 at end of input.
 */
function tagEnd(html: string, from: number): number {
  let lastNonSpace = ''
  for (let i = from; i < html.length; i++) {
    const ch = html[i]
    if (ch === '>') return i
    if ((ch === '"' || ch === "'") && lastNonSpace === '=') {
      const close = html.indexOf(ch, i + 1)
      if (close < 0) return -1
      i = close
      lastNonSpace = ch
      continue
    }
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\f') lastNonSpace = ch
  }
  return -1
}

/** Finds `</name` (any case) followed by a delimiter; returns [start, end+1] or null. */
function closeTag(html: string, name: string, from: number): [number, number] | null {
  const re = new RegExp(`</${name}[\\s/>]`, 'gi')
  re.lastIndex = from
  const m = re.exec(html)
  if (!m) return null
  const end = tagEnd(html, m.index + 2)
  return [m.index, end < 0 ? html.length : end + 1]
}

/** Like closeTag for elements that may nest (<template>, <nav>, <svg>…); -1 when never closed. */
function nestedEnd(html: string, name: string, from: number): number {
  const re = new RegExp(`<(\\/?)${name}[\\s/>]`, 'gi')
  re.lastIndex = from
  let open = 1
  for (let m = re.exec(html); m; m = re.exec(html)) {
    open += m[1] ? -1 : 1
    if (open === 0) {
      const end = tagEnd(html, m.index + 2)
      return end < 0 ? html.length : end + 1
    }
  }
  return -1
}

/**
 * Strips non-content, collects JSON-LD and flattens nesting beyond MAX_HTML_DEPTH.
 * `keepNavigation` keeps <nav> (an EPUB's table of contents is one).
 */
export function prepass(html: string, opts: { keepNavigation?: boolean } = {}): Prepassed {
  const out: string[] = []
  const jsonLd: string[] = []
  const stack: Array<{ name: string; dropped: boolean }> = []
  let foreign = 0 // open <svg>/<math>, where "/>" really closes an element
  let bodyAt = -1 // index in `out` where the body starts
  let htmlAttrs = ''
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) break
    emit(out, html.slice(i, lt))
    i = lt
    if (html.startsWith('<!--', lt)) {
      // "<!-->" and "<!--->" are complete (empty) comments to the tokenizer.
      if (html.startsWith('<!-->', lt)) { i = lt + 5; continue }
      if (html.startsWith('<!--->', lt)) { i = lt + 6; continue }
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? html.length : end + 3
      continue
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      // Doctype, CDATA and processing instructions: bogus comments up to '>'.
      const end = html.indexOf('>', lt + 2)
      i = end < 0 ? html.length : end + 1
      continue
    }
    const closing = html[lt + 1] === '/'
    const nameStart = lt + (closing ? 2 : 1)
    if (!isLetter(html.charCodeAt(nameStart))) {
      out.push('<')
      i = lt + 1
      continue
    }
    let nameEnd = nameStart + 1
    while (nameEnd < html.length && NAME_CHAR.test(html[nameEnd])) nameEnd++
    const name = html.slice(nameStart, nameEnd).toLowerCase()
    const end = tagEnd(html, nameEnd)
    if (end < 0) { i = html.length; break } // the tokenizer drops a tag cut off by EOF
    const tag = html.slice(lt, end + 1)
    i = end + 1
    if (SKELETON.has(name)) {
      if (bodyAt < 0 && ((name === 'head' && closing) || (name === 'body' && !closing))) bodyAt = out.length
      if (name === 'html' && !closing && htmlAttrs === '') htmlAttrs = languageAttrs(tag)
      continue
    }
    if (closing) {
      emit(out, closeDepth(stack, name) ? separator(out, name) : tag)
      if ((name === 'svg' || name === 'math') && foreign > 0) foreign--
      continue
    }
    if (DROP_NESTED.has(name) && !(name === 'nav' && opts.keepNavigation)) {
      const close = nestedEnd(html, name, i)
      if (close >= 0) { i = close; emit(out, separator(out, name)); continue }
    }
    if (DROP_RAW.has(name)) {
      const close = closeTag(html, name, i)
      i = close ? close[1] : html.length
      continue
    }
    if (STRIP.has(name)) {
      if (name === 'template') { const close = nestedEnd(html, name, i); i = close < 0 ? html.length : close; continue }
      const close = closeTag(html, name, i)
      if (name === 'script' && /type\s*=\s*["']?application\/ld\+json/i.test(tag)) {
        jsonLd.push(html.slice(i, close ? close[0] : html.length))
      }
      i = close ? close[1] : html.length
      continue
    }
    if (RAW.has(name)) {
      const close = closeTag(html, name, i)
      emit(out, tag + html.slice(i, close ? close[1] : html.length))
      i = close ? close[1] : html.length
      continue
    }
    const selfClosing = foreign > 0 && tag.endsWith('/>')
    if (name === 'svg' || name === 'math') foreign += selfClosing ? 0 : 1
    if (NO_DEPTH.has(name) || selfClosing) { emit(out, tag); continue }
    const dropped = stack.length >= MAX_HTML_DEPTH
    stack.push({ name, dropped })
    emit(out, dropped ? separator(out, name) : tag)
  }
  if (i < html.length) emit(out, html.slice(i))
  const head = bodyAt < 0 ? '' : out.slice(0, bodyAt).join('')
  const body = out.slice(Math.max(bodyAt, 0)).join('')
  return { html: `<!DOCTYPE html><html${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, jsonLd }
}

/** Keeps only lang and dir of the <html> tag: the language is metadata we report. */
function languageAttrs(tag: string): string {
  let attrs = ''
  for (const name of ['lang', 'dir']) {
    const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)
    const value = m ? (m[1] ?? m[2] ?? m[3]).replace(/[^\w-]/g, '') : ''
    if (value) attrs += ` ${name}="${value}"`
  }
  return attrs
}

/**
 * What replaces a dropped tag: a newline for a block (so words on either side stay
 * apart), unless whitespace is already there — thousands of newlines would make every
 * ancestor's text, which Readability reads per element, needlessly long.
 */
function separator(out: string[], name: string): string {
  if (!BLOCKISH.has(name) || out.length === 0) return ''
  return /\s$/.test(out[out.length - 1]) ? '' : '\n'
}

/** Appends a non-empty piece, so the last piece always shows the last character. */
function emit(out: string[], piece: string): void {
  if (piece !== '') out.push(piece)
}

/**
 * Closes the innermost open element of this name (and, implicitly, those inside it).
 * Returns true when that element's tags were dropped, so its end tag must go too.
 */
function closeDepth(stack: Array<{ name: string; dropped: boolean }>, name: string): boolean {
  // Bounded search: a stray end tag must not make the scan quadratic.
  for (let k = stack.length - 1; k >= 0 && k >= stack.length - MAX_HTML_DEPTH * 2; k--) {
    if (stack[k].name === name) {
      const dropped = stack[k].dropped
      stack.length = k
      return dropped
    }
  }
  return false
}
