import { blockAt, type ParsedArticle } from './parse'
import { purifyInPlace } from './sanitize'
import { afterNextPaint } from './frames'

/**
 * Text shown synchronously when an article opens: a couple of screens, so the
 * first paint never waits for the rest of a long book.
 */
export const FIRST_SCREEN_CHARS = 8_000
/** Starting size of the later chunks; adapted so each one costs about CHUNK_BUDGET_MS. */
const INITIAL_CHUNK_CHARS = 48_000
const MIN_CHUNK_CHARS = 4_000
const MAX_CHUNK_CHARS = 400_000
/**
 * Work per chunk, including the layout it causes: well under the 50 ms that
 * counts as a long task, leaving room for the frame's own painting.
 */
const CHUNK_BUDGET_MS = 22

/**
 * Shows a parsed article progressively: the blocks around the reading position at
 * once, then the rest in chunks between frames, before and after it, until the
 * page holds every block in order. Each chunk is sanitised just before it is
 * shown. Blocks are moved, never copied, so the text index built on the parsed
 * tree stays valid, and once complete the page's text equals the article's text.
 */
export class ProgressiveRenderer {
  /** Blocks [lo, hi) are in the page. */
  lo = 0
  hi = 0
  /** Nodes or attributes the second sanitiser removed (0 unless the stored HTML was not clean). */
  removed = 0
  private cancelled = false
  private chunkChars = INITIAL_CHUNK_CHARS
  private resolveDone!: () => void
  /** Resolves once every block is in the page (never, if cancelled first). */
  readonly done = new Promise<void>((r) => (this.resolveDone = r))

  constructor(
    private readonly body: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly article: ParsedArticle,
    /** Called after each chunk, with the page already updated. */
    private readonly onChunk: () => void
  ) {}

  get complete(): boolean {
    return this.lo === 0 && this.hi === this.article.blocks.length
  }

  /** Text offsets [start, end) currently in the page. */
  get textStart(): number {
    return this.article.blockStarts[this.lo]
  }
  get textEnd(): number {
    return this.article.blockStarts[this.hi]
  }

  /** True when `[start, end)` is entirely in the page, so ranges on it can be painted. */
  covers(start: number, end: number): boolean {
    return start >= this.textStart && end <= this.textEnd
  }

  /** Shows the first screen starting at the block holding `anchor`, synchronously. */
  start(anchor: number): void {
    const starts = this.article.blockStarts
    const first = blockAt(starts, anchor)
    this.lo = this.hi = first
    this.append(this.chunkEnd(first, Math.max(FIRST_SCREEN_CHARS, anchor - starts[first] + FIRST_SCREEN_CHARS)))
    if (this.complete) this.resolveDone()
    else void this.run()
  }

  cancel(): void {
    this.cancelled = true
  }

  private async run(): Promise<void> {
    const n = this.article.blocks.length
    let forward = true
    while (!this.cancelled && !this.complete) {
      await afterNextPaint()
      if (this.cancelled) return
      const t0 = performance.now()
      // Alternate directions so the text both above and below the reader fills in.
      if ((forward && this.hi < n) || this.lo === 0) this.append(this.chunkEnd(this.hi, this.chunkChars))
      else this.prepend(this.chunkStart(this.lo, this.chunkChars))
      forward = !forward
      void this.body.offsetHeight // lay out now, so the cost is measured and stays in this task
      this.adapt(performance.now() - t0)
      this.onChunk()
    }
    if (!this.cancelled) this.resolveDone()
  }

  private adapt(ms: number): void {
    const scaled = this.chunkChars * (CHUNK_BUDGET_MS / Math.max(ms, 1))
    // Grow slowly, shrink at once: one slow chunk should not be followed by another.
    const next = scaled > this.chunkChars ? Math.min(scaled, this.chunkChars * 1.5) : scaled
    this.chunkChars = Math.round(Math.min(MAX_CHUNK_CHARS, Math.max(MIN_CHUNK_CHARS, next)))
  }

  /** First block index after `from` such that about `chars` of text are covered. */
  private chunkEnd(from: number, chars: number): number {
    const starts = this.article.blockStarts
    const n = this.article.blocks.length
    return Math.min(n, Math.max(from + 1, blockAt(starts, starts[from] + chars) + 1))
  }

  private chunkStart(to: number, chars: number): number {
    const starts = this.article.blockStarts
    return Math.max(0, Math.min(to - 1, blockAt(starts, Math.max(0, starts[to] - chars))))
  }

  private append(to: number): void {
    if (to <= this.hi) return
    this.body.appendChild(this.take(this.hi, to))
    this.hi = to
  }

  /** Inserts blocks above the ones shown, keeping what the reader sees still. */
  private prepend(from: number): void {
    if (from >= this.lo) return
    const ref = this.body.firstElementChild
    const before = ref?.getBoundingClientRect().top ?? 0
    this.body.insertBefore(this.take(from, this.lo), this.body.firstChild)
    this.lo = from
    if (ref) this.scroller.scrollTop += ref.getBoundingClientRect().top - before
  }

  /** Sanitises blocks [from, to) in their inert document and returns them as a fragment of this page. */
  private take(from: number, to: number): DocumentFragment {
    const wrapper = this.article.container.ownerDocument.createElement('div')
    for (let i = from; i < to; i++) wrapper.appendChild(this.article.blocks[i])
    this.removed += purifyInPlace(wrapper)
    const fragment = document.createDocumentFragment()
    while (wrapper.firstChild) fragment.appendChild(wrapper.firstChild)
    return fragment
  }
}
