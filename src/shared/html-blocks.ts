/**
 * Splits the core's canonical article HTML into its top-level blocks without
 * parsing it, and computes each block's length of DOM text, so a long book can
 * be parsed and shown a chunk at a time while every text offset is known up front.
 *
 * It relies on what the core's canonical serialiser guarantees (see
 * src/main/core/import/canonical.ts): every `<` in the HTML starts a tag ('<' and
 * '>' in text and attribute values are escaped), every non-void element is closed,
 * text holds only the entities &amp; &lt; &gt; &nbsp; &#13;, and a <pre> whose
 * text starts with a newline has one extra newline, which the parser drops. HTML
 * that does not look like that gets null, and the reader parses it whole instead.
 */

/** A top-level block: the HTML slice [from, to) and the length of its DOM text. */
export interface HtmlBlock {
  from: number
  to: number
  textLength: number
}

export interface HeadingSpan {
  level: number
  start: number
  end: number
}

export interface SplitHtml {
  blocks: HtmlBlock[]
  headings: HeadingSpan[]
  textLength: number
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr'])
/**
 * Elements whose content the canonical form does not escape, or that switch the
 * parser into another mode (raw text, templates, foreign content): never in
 * sanitised articles, and not followed here.
 */
const UNSUPPORTED = new Set([
  'script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript', 'textarea', 'title', 'template',
  'svg', 'math', 'select', 'option', 'frameset'
])
/** HTML scanned between checks of how far scanToText has got. */
const SCAN_STEP_CHARS = 4_096
/** The parser drops a newline right after these opening tags. */
const DROPS_LEADING_NEWLINE = new Set(['pre', 'listing'])
const ENTITIES: Array<[string, number]> = [['&amp;', 5], ['&lt;', 4], ['&gt;', 4], ['&nbsp;', 6], ['&#13;', 5], ['&quot;', 6]]

/** End of the tag name starting at `from` (lowercase letters, digits, '-'). */
function nameEnd(html: string, from: number): number {
  let i = from
  for (;;) {
    const c = html.charCodeAt(i)
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57 && i > from) || (c === 45 && i > from)) i++
    else return i
  }
}

/**
 * Measures text between tags. Keeps the position of the next '&' between calls,
 * since text runs are visited in order: searching afresh from each run would
 * rescan the rest of a long book whenever '&' is rare.
 */
class TextMeter {
  private nextAmp = -2
  constructor(private readonly html: string) {}

  /** DOM text length of html[from, to), or -1 if it holds an entity the canonical form never writes. */
  length(from: number, to: number): number {
    const html = this.html
    let len = to - from
    if (this.nextAmp !== -1 && this.nextAmp < from) this.nextAmp = html.indexOf('&', from)
    while (this.nextAmp !== -1 && this.nextAmp < to) {
      const at = this.nextAmp
      const entity = ENTITIES.find(([e]) => html.startsWith(e, at))
      if (!entity) return -1
      len -= entity[1] - 1
      this.nextAmp = html.indexOf('&', at + entity[1])
    }
    return len
  }
}

/** What one step of the scan found: a run scanned, the end of what has arrived, or HTML not in canonical form. */
type Step = 'ok' | 'wait' | 'fail'

/**
 * Scans canonical HTML a slice at a time, so the blocks of a book's first screen
 * are known after scanning its first kilobytes and the rest is scanned between
 * frames. The HTML may arrive in pieces (`partial`, then `extend`): a run of
 * text or a tag that may go on in the next piece waits for it. `failed` is set
 * (and scanning stops) at anything the canonical form never contains.
 */
export class BlockScanner {
  /** Top-level blocks found so far, in order. */
  readonly blocks: HtmlBlock[] = []
  readonly headings: HeadingSpan[] = []
  /** Text length of the blocks found so far. */
  scannedText = 0
  done = false
  failed = false
  private readonly stack: string[] = []
  private readonly open: Array<{ level: number; start: number } | null> = []
  private meter: TextMeter
  private offset = 0
  private blockStart = 0
  private blockText = 0
  private pos = 0
  /** The scan reached the end of what has arrived of a partial HTML. */
  private waiting = false

  /** @param partial - `html` is only the beginning; `extend` gives more. */
  constructor(
    private html: string,
    private partial = false
  ) {
    this.meter = new TextMeter(html)
    if (html.length === 0 && !partial) this.done = true
  }

  /** More of the HTML arrived: `html` begins with the HTML given so far; `partial` unless it is the whole. */
  extend(html: string, partial: boolean): void {
    this.html = html
    this.partial = partial
    this.meter = new TextMeter(html)
    this.waiting = false
    if (html.length === 0 && !partial) this.done = true
  }

  /** Scans until more than `text` characters of text are in finished blocks, or the end (of what has arrived). */
  scanToText(text: number): void {
    while (!this.done && !this.failed && !this.waiting && this.scannedText <= text) this.scan(SCAN_STEP_CHARS)
  }

  /** Scans about `htmlChars` more characters of HTML. */
  scan(htmlChars: number): void {
    if (this.done || this.failed) return
    const html = this.html
    const stop = Math.min(html.length, this.pos + htmlChars)
    while (this.pos < stop) {
      const step = this.step()
      if (step === 'wait') {
        this.waiting = true
        return
      }
      if (step === 'fail') {
        this.failed = true
        return
      }
    }
    if (this.partial) {
      if (this.pos >= html.length) this.waiting = true
    } else if (this.pos >= html.length) {
      if (this.stack.length > 0) this.failed = true
      else {
        this.endBlock(html.length)
        this.done = true
      }
    }
  }

  private endBlock(to: number): void {
    if (to > this.blockStart) {
      this.blocks.push({ from: this.blockStart, to, textLength: this.blockText })
      this.scannedText += this.blockText
    }
    this.blockStart = to
    this.blockText = 0
  }

  /** One run of text and the tag after it. */
  private step(): Step {
    const html = this.html
    const lt = html.indexOf('<', this.pos)
    const gt = lt === -1 ? -1 : html.indexOf('>', lt)
    // Of partial HTML, take a run and its tag only when both have arrived whole,
    // and the character after the tag too (a <pre> drops a newline there).
    if (this.partial && (gt === -1 || gt + 1 >= html.length)) return 'wait'
    const textEnd = lt === -1 ? html.length : lt
    if (textEnd > this.pos) {
      const n = this.meter.length(this.pos, textEnd)
      if (n < 0) return 'fail'
      this.offset += n
      this.blockText += n
    }
    if (lt === -1) {
      this.pos = html.length
      return 'ok'
    }
    const closing = html.charCodeAt(lt + 1) === 47 // '/'
    const nameStart = lt + (closing ? 2 : 1)
    const end = nameEnd(html, nameStart)
    if (gt === -1 || end === nameStart || html.charCodeAt(gt - 1) === 47) return 'fail'
    const name = html.slice(nameStart, end)
    if (UNSUPPORTED.has(name)) return 'fail'
    this.pos = gt + 1
    const { stack } = this
    if (closing) {
      if (stack.pop() !== name) return 'fail'
      const h = this.open.pop()
      if (h) this.headings.push({ level: h.level, start: h.start, end: this.offset })
      if (stack.length === 0) this.endBlock(this.pos)
      return 'ok'
    }
    // A new top-level element ends the text before it.
    if (stack.length === 0) this.endBlock(lt)
    if (VOID.has(name)) {
      if (stack.length === 0) this.endBlock(this.pos)
      return 'ok'
    }
    stack.push(name)
    const heading = name.length === 2 && name[0] === 'h' && name[1] >= '1' && name[1] <= '6'
    this.open.push(heading ? { level: Number(name[1]), start: this.offset } : null)
    if (DROPS_LEADING_NEWLINE.has(name) && html[this.pos] === '\n') this.pos++
    return 'ok'
  }
}

/**
 * The blocks of canonical HTML, or null when the HTML is not in that form.
 * Callers still check each parsed block's text against the article's text.
 */
export function splitHtml(html: string): SplitHtml | null {
  const scanner = new BlockScanner(html)
  scanner.scan(Infinity)
  return scanner.failed ? null : { blocks: scanner.blocks, headings: scanner.headings, textLength: scanner.scannedText }
}
