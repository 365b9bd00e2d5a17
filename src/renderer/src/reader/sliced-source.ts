import { BlockScanner, type HeadingSpan } from '../../../shared/html-blocks'
import { headingText, TextMismatch, TOC_MAX_LEVEL, type BlockSource, type Heading, type TakenBlocks } from './block-source'
import { lastRemoved, purify } from './sanitize'
import { textNodesIn } from './text-index'

/**
 * Where the part of an article given first begins, when it is not the start: a
 * boundary between top-level blocks (the core's block index, src/main/core/articles/block-index.ts),
 * as offsets in the article's text and HTML.
 */
export interface SourceBase {
  text: number
  html: number
}

const AT_START: SourceBase = { text: 0, html: 0 }

/**
 * The fast path: the core's canonical HTML cut into blocks by a scan that runs a
 * slice at a time (so opening a book costs a scan of its first screen, not a
 * parse of all of it), each run of blocks parsed only when it is about to be shown.
 *
 * The part given first may begin part-way, at `base` (a book reopened where it
 * was left): it is scanned from there, its block offsets counted from `base.text`,
 * and `text` is the article's text at its own offsets (what is before `base.text`
 * not yet known: any filler of that length). Once the whole article is given
 * (`extend`), the HTML before `base.html` is scanned between frames too, and its
 * blocks become known all at once, ahead of the others (`prepended`).
 */
export class SlicedSource implements BlockSource {
  /** starts[i] is the text offset of block i. */
  readonly starts: number[]
  /** edges[i] is the HTML offset where block i begins; edges[count] where the known blocks end. */
  private edges: number[]
  prepended = 0
  /** Scans the HTML from `base.html` on. */
  private readonly scanner: BlockScanner
  /** Scans the HTML before `base.html`, once the whole article is here; null once its blocks are known. */
  private headScanner: BlockScanner | null = null
  private headPending: boolean
  private headHeadings: HeadingSpan[] = []
  private headingList: Heading[] = []
  private headingsFrom = -1
  /** Offset of html[0] in the article's HTML: `base.html` until the whole HTML is given. */
  private htmlOffset: number

  /**
   * @param html - the article's HTML from `base.html` on (all of it, or the beginning when `partial`).
   * @param text - the article's text, at its own offsets (see the class comment).
   * @param partial - `html` and `text` are not the whole; `extend` gives it.
   */
  constructor(
    private html: string,
    private text: string,
    private partial: boolean,
    private readonly base: SourceBase = AT_START
  ) {
    this.scanner = new BlockScanner(html, partial)
    this.starts = [base.text]
    this.edges = [base.html]
    this.htmlOffset = base.html
    this.headPending = base.html > 0
  }

  extend(html: string, text: string, partial: boolean): void {
    const { base } = this
    const known = this.text.slice(base.text)
    // What was shown must be what the whole article holds at the same offsets.
    if (!html.startsWith(this.html, base.html) || text.slice(base.text, base.text + known.length) !== known)
      throw new TextMismatch('the rest of the article does not continue the part shown first')
    this.html = html
    this.htmlOffset = 0
    this.text = text
    this.partial = partial
    this.scanner.extend(base.html > 0 ? html.slice(base.html) : html, partial)
    if (this.headPending && !partial) this.headScanner = new BlockScanner(html.slice(0, base.html))
    this.sync()
  }

  get count(): number {
    return this.starts.length - 1
  }
  get complete(): boolean {
    return this.scanner.done && !this.headPending
  }
  get headings(): Heading[] {
    const spans = this.scanner.headings
    if (this.headingsFrom !== spans.length + this.headHeadings.length) {
      this.headingsFrom = spans.length + this.headHeadings.length
      const shift = this.base.text
      this.headingList = [...this.headHeadings, ...spans.map((h) => ({ ...h, start: h.start + shift, end: h.end + shift }))]
        .filter((h) => h.level <= TOC_MAX_LEVEL)
        .map((h) => ({ level: h.level, text: headingText(this.text.slice(h.start, h.end)), start: h.start }))
        .filter((h) => h.text)
    }
    return this.headingList
  }

  ensure(text: number): void {
    this.scanner.scanToText(text - this.base.text)
    this.sync()
  }

  advance(htmlChars: number): void {
    // The blocks above the reading position first: scrolling up waits for them.
    if (this.headScanner) this.scanHead(htmlChars)
    else this.scanner.scan(htmlChars)
    this.sync()
  }

  /** Scans the HTML before the base; once done, its blocks go before the others. */
  private scanHead(htmlChars: number): void {
    const head = this.headScanner!
    head.scan(htmlChars)
    if (head.failed || (head.done && head.scannedText !== this.base.text))
      throw new TextMismatch('the article HTML before the reading position is not in canonical form')
    if (!head.done) return
    const starts = [0]
    const edges = [0]
    for (const b of head.blocks) {
      starts.push(starts[starts.length - 1] + b.textLength)
      edges.push(b.to)
    }
    starts.pop()
    edges.pop()
    this.starts.unshift(...starts)
    this.edges = edges.concat(this.edges)
    this.prepended = starts.length
    this.headHeadings = head.headings
    this.headScanner = null
    this.headPending = false
  }

  private sync(): void {
    const { blocks } = this.scanner
    const { base } = this
    for (let i = this.count - this.prepended; i < blocks.length; i++) {
      const end = this.starts[this.starts.length - 1] + blocks[i].textLength
      // Of an article given in part, a block is known once its text has arrived too.
      if (this.partial && end > this.text.length) break
      this.starts.push(end)
      this.edges.push(base.html + blocks[i].to)
    }
    if (this.scanner.failed) throw new TextMismatch('the article HTML is not in canonical form')
    if (this.scanner.done && base.text + this.scanner.scannedText !== this.text.length)
      throw new TextMismatch(`the article HTML holds ${base.text + this.scanner.scannedText} characters of text, not ${this.text.length}`)
  }

  take(from: number, to: number): TakenBlocks {
    const at = this.htmlOffset
    const fragment = purify(this.html.slice(this.edges[from] - at, this.edges[to] - at))
    const removed = lastRemoved()
    const nodes = textNodesIn(fragment)
    const expected = this.text.slice(this.starts[from], this.starts[to])
    if (nodes.map((n) => n.data).join('') !== expected) throw new TextMismatch(`blocks ${from}–${to} do not hold the article's text`)
    return { fragment, nodes, removed }
  }
}
