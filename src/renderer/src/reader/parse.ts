import { purifyInPlace } from './sanitize'
import { TextIndex, textNodesIn } from './text-index'
import { headingText, TOC_MAX_LEVEL, type BlockSource, type Heading, type TakenBlocks } from './block-source'
import { SlicedSource, type SourceBase } from './sliced-source'

export { TextMismatch, type BlockSource, type Heading, type TakenBlocks } from './block-source'
export type { SourceBase } from './sliced-source'

/** A div in a document with no browsing context: nothing parsed into it loads or runs. */
function inertDiv(): HTMLDivElement {
  return document.implementation.createHTMLDocument('').createElement('div')
}

function toFragment(wrapper: HTMLElement): DocumentFragment {
  const fragment = document.createDocumentFragment()
  while (wrapper.firstChild) fragment.appendChild(wrapper.firstChild)
  return fragment
}

/** The fallback: the whole HTML parsed at once, its top-level nodes moved into the page in runs. */
class WholeSource implements BlockSource {
  readonly count: number
  readonly starts: Float64Array
  readonly complete = true
  readonly prepended = 0
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
 * `partial`: html and text are only part of the article's (the fast path only),
 * the rest comes with `extend`; `base`: where that part begins, when not at the
 * start (see SlicedSource).
 */
export function blockSource(html: string, text: string, whole = false, partial = false, base?: SourceBase): BlockSource {
  return whole ? new WholeSource(html, text) : new SlicedSource(html, text, partial, base)
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
