import { BlockScanner } from '../../../shared/html-blocks'
import { lastRemoved, purify, purifyInPlace } from './sanitize'
import { TextIndex, textNodesIn } from './text-index'

/** A heading of the article, for the table of contents. */
export interface Heading {
  level: number
  text: string
  /** Offset of the heading's first character in the plain text. */
  start: number
}

/** Blocks [from, to) made ready for the page. */
export interface TakenBlocks {
  fragment: DocumentFragment
  /** Their text nodes, in order (for the text index). */
  nodes: Text[]
  /** Nodes or attributes the second sanitiser removed (0 for content the core stored). */
  removed: number
}

/**
 * Where the article's top-level blocks come from. Every block's text offset is
 * known before any of it is shown, so a long book can be shown in any order.
 */
export interface BlockSource {
  /** Blocks known so far (all of them once `complete`). */
  readonly count: number
  /** starts[i] is the text offset of block i; starts[count] is where the known blocks end. */
  readonly starts: ArrayLike<number>
  /** True once every block is known. */
  readonly complete: boolean
  /** The headings known so far (all of them once `complete`). */
  readonly headings: Heading[]
  /** Makes the blocks holding text up to `text` known (at once). @throws TextMismatch */
  ensure(text: number): void
  /** Learns about `htmlChars` more of the article, if not complete (between frames). @throws TextMismatch */
  advance(htmlChars: number): void
  /** Sanitised blocks [from, to), checked against the article's text. @throws TextMismatch */
  take(from: number, to: number): TakenBlocks
  /** The rest of an article given in part: `html` and `text` begin with what was given before. @throws TextMismatch */
  extend(html: string, text: string, partial: boolean): void
}

/** Thrown when shown text would not equal the article's text at the same offsets. */
export class TextMismatch extends Error {}

/** Headings deeper than this are detail, not navigation. */
const TOC_MAX_LEVEL = 4
/** Long headings are cut in the table of contents. */
const TOC_TEXT_CHARS = 120

const headingText = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, TOC_TEXT_CHARS)

/** A div in a document with no browsing context: nothing parsed into it loads or runs. */
function inertDiv(): HTMLDivElement {
  return document.implementation.createHTMLDocument('').createElement('div')
}

function toFragment(wrapper: HTMLElement): DocumentFragment {
  const fragment = document.createDocumentFragment()
  while (wrapper.firstChild) fragment.appendChild(wrapper.firstChild)
  return fragment
}

/**
 * The fast path: the core's canonical HTML cut into blocks by a scan that runs a
 * slice at a time (so opening a book costs a scan of its first screen, not a
 * parse of all of it), each run of blocks parsed only when it is about to be shown.
 */
class SlicedSource implements BlockSource {
  readonly starts: number[] = [0]
  private readonly scanner: BlockScanner
  private headingList: Heading[] = []

  /** @param partial - `html` and `text` are the beginning of the article's; `extend` gives the rest. */
  constructor(
    private html: string,
    private text: string,
    private partial: boolean
  ) {
    this.scanner = new BlockScanner(html, partial)
  }

  extend(html: string, text: string, partial: boolean): void {
    this.html = html
    this.text = text
    this.partial = partial
    this.scanner.extend(html, partial)
    this.sync()
  }

  get count(): number {
    return this.starts.length - 1
  }
  get complete(): boolean {
    return this.scanner.done
  }
  get headings(): Heading[] {
    if (this.headingList.length !== this.scanner.headings.length) {
      this.headingList = this.scanner.headings
        .filter((h) => h.level <= TOC_MAX_LEVEL)
        .map((h) => ({ level: h.level, text: headingText(this.text.slice(h.start, h.end)), start: h.start }))
        .filter((h) => h.text)
    }
    return this.headingList
  }

  ensure(text: number): void {
    this.scanner.scanToText(text)
    this.sync()
  }

  advance(htmlChars: number): void {
    this.scanner.scan(htmlChars)
    this.sync()
  }

  private sync(): void {
    const { blocks } = this.scanner
    for (let i = this.count; i < blocks.length; i++) {
      const end = this.starts[i] + blocks[i].textLength
      // Of an article given in part, a block is known once its text has arrived too.
      if (this.partial && end > this.text.length) break
      this.starts.push(end)
    }
    if (this.scanner.failed) throw new TextMismatch('the article HTML is not in canonical form')
    if (this.scanner.done && this.scanner.scannedText !== this.text.length)
      throw new TextMismatch(`the article HTML holds ${this.scanner.scannedText} characters of text, not ${this.text.length}`)
  }

  take(from: number, to: number): TakenBlocks {
    const blocks = this.scanner.blocks
    const fragment = purify(this.html.slice(blocks[from].from, blocks[to - 1].to))
    const removed = lastRemoved()
    const nodes = textNodesIn(fragment)
    const expected = this.text.slice(this.starts[from], this.starts[to])
    if (nodes.map((n) => n.data).join('') !== expected) throw new TextMismatch(`blocks ${from}–${to} do not hold the article's text`)
    return { fragment, nodes, removed }
  }
}

/** The fallback: the whole HTML parsed at once, its top-level nodes moved into the page in runs. */
class WholeSource implements BlockSource {
  readonly count: number
  readonly starts: Float64Array
  readonly complete = true
  readonly headings: Heading[] = []
  private readonly blocks: Node[]
  /** Set when a block's text differs from the article's at the same offsets. */
  mismatch = false

  constructor(
    html: string,
    private readonly text: string
  ) {
    const container = inertDiv()
    container.innerHTML = html
    this.blocks = Array.from(container.childNodes)
    this.count = this.blocks.length
    this.starts = new Float64Array(this.count + 1)
    for (let i = 0; i < this.count; i++) {
      const b = this.blocks[i]
      const len = b.nodeType === Node.TEXT_NODE || b.nodeType === Node.ELEMENT_NODE ? (b.textContent ?? '').length : 0
      this.starts[i + 1] = this.starts[i] + len
    }
    const index = TextIndex.fromRoot(container)
    for (const h of container.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
      const level = Number(h.tagName[1])
      const label = headingText(h.textContent ?? '')
      const start = index.offsetOf(h, 0, container)
      if (level <= TOC_MAX_LEVEL && label && start !== null) this.headings.push({ level, text: label, start })
    }
  }

  ensure(): void {}
  advance(): void {}
  extend(): void {
    throw new Error('the whole-document parse is only built from a whole article')
  }

  take(from: number, to: number): TakenBlocks {
    const wrapper = inertDiv()
    for (let i = from; i < to; i++) wrapper.appendChild(this.blocks[i])
    const removed = purifyInPlace(wrapper)
    const nodes = textNodesIn(wrapper)
    if (nodes.map((n) => n.data).join('') !== this.text.slice(this.starts[from], this.starts[to])) this.mismatch = true
    return { fragment: toFragment(wrapper), nodes, removed }
  }
}

/**
 * The article's blocks: cut from canonical HTML as it is scanned when possible
 * (so opening a book costs a scan of its first screen, not a parse of all of it),
 * else parsed whole. `text` is `article.text`, which every block shown is
 * checked against; a TextMismatch from the fast path means: use `whole`.
 * `partial`: html and text are the beginning of the article's (the fast path
 * only), the rest comes with `extend`.
 */
export function blockSource(html: string, text: string, whole = false, partial = false): BlockSource {
  return whole ? new WholeSource(html, text) : new SlicedSource(html, text, partial)
}

/** Whether a source found text that differs from the article's (only the whole-parse fallback can). */
export function hasMismatch(source: BlockSource): boolean {
  return source instanceof WholeSource && source.mismatch
}

/** Index of the block holding `offset` (binary search over block starts). */
export function blockAt(starts: ArrayLike<number>, offset: number): number {
  const n = starts.length - 1
  if (n <= 0) return 0
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (starts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}
