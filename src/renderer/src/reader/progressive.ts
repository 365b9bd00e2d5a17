import { afterNextPaint } from './frames'
import { NearRenderer } from './near'
import { blockAt, type BlockSource } from './parse'
import type { TextIndex } from './text-index'

/**
 * Text shown synchronously when an article opens: a couple of screens, so the
 * first paint never waits for the rest of a long book.
 */
export const FIRST_SCREEN_CHARS = 8_000
/** HTML scanned for blocks per chunk task, ahead of what is shown (a book takes about ten). */
const SCAN_SLICE_CHARS = 384_000
/** Starting size of the later chunks; adapted so each one costs about CHUNK_BUDGET_MS. */
const INITIAL_CHUNK_CHARS = 24_000
const MIN_CHUNK_CHARS = 4_000
const MAX_CHUNK_CHARS = 64_000
/**
 * Text per chunk part: the unit the browser lays out when it scrolls into view
 * (content-visibility), about a screen and a half, so that fits in a frame.
 */
const PART_CHARS = 3_000
/**
 * Work per chunk, including the layout it causes: well under the 50 ms that
 * counts as a long task, leaving room for the frame's own painting.
 */
const CHUNK_BUDGET_MS = 22
/** Until a chunk has been measured: pixels of column height per character of text (19px serif, 42rem column). */
const DEFAULT_PX_PER_CHAR = 0.45
/** The first chunk is measured only if it holds at least this much text (a title-only chunk would mislead). */
const MIN_MEASURED_CHARS = 1_500

/**
 * Shows an article progressively: the blocks around the reading position at
 * once, then the rest in chunks between frames, before and after it, until the
 * page holds every block in order. Each chunk is parsed, sanitised and checked
 * against the article's text just before it is shown, and its text nodes are
 * added to the index, so offsets are exact for whatever is on the page and, once
 * complete, the page's text equals the article's text.
 */
export class ProgressiveRenderer {
  /** Blocks [lo, hi) are in the page. */
  lo = 0
  hi = 0
  /** Nodes or attributes the second sanitiser removed (0 unless the stored HTML was not clean). */
  removed = 0
  private cancelled = false
  /** The source's `prepended` already added to lo and hi. */
  private prepended = 0
  private chunkChars = INITIAL_CHUNK_CHARS
  private pxPerChar = DEFAULT_PX_PER_CHAR
  private resolveDone!: () => void
  private readonly near: NearRenderer
  /** Resolves once every block is in the page (never, if cancelled first). */
  readonly done = new Promise<void>((r) => (this.resolveDone = r))

  constructor(
    private readonly body: HTMLElement,
    private readonly scroller: HTMLElement,
    private readonly source: BlockSource,
    private readonly index: TextIndex,
    /** Called after each chunk, with the page already updated and the chunk's text range. */
    private readonly onChunk: (start: number, end: number) => void,
    /** Called (and rendering stopped) when a chunk throws, e.g. a TextMismatch. */
    private readonly onError: (e: unknown) => void
  ) {
    this.near = new NearRenderer(scroller)
  }

  get complete(): boolean {
    return this.source.complete && this.lo === 0 && this.hi === this.source.count
  }

  /** Text offsets [start, end) currently in the page. */
  get textStart(): number {
    return this.source.starts[this.lo]
  }
  get textEnd(): number {
    return this.source.starts[this.hi]
  }

  /** True when `[start, end)` is entirely in the page, so ranges on it can be painted. */
  covers(start: number, end: number): boolean {
    return start >= this.textStart && end <= this.textEnd
  }

  /**
   * Shows the first screen starting at the block holding `anchor`, synchronously.
   * @throws TextMismatch when the article's HTML is not what the block source expects.
   */
  start(anchor: number): void {
    this.source.ensure(anchor + FIRST_SCREEN_CHARS)
    const starts = this.source.starts
    const first = blockAt(starts, anchor)
    this.lo = this.hi = first
    this.append(this.chunkEnd(first, Math.max(FIRST_SCREEN_CHARS, anchor - starts[first] + FIRST_SCREEN_CHARS)))
    const sample = this.body.firstElementChild?.firstElementChild as HTMLElement | null
    const measured = sample?.textContent?.length ?? 0
    if (sample && measured >= MIN_MEASURED_CHARS) this.pxPerChar = sample.offsetHeight / measured
    if (this.complete) this.resolveDone()
    else void this.run()
  }

  /** Stops rendering and stops laying out chunks ahead of the viewport (the page is being left or rebuilt). */
  cancel(): void {
    this.cancelled = true
    this.near.disconnect()
  }

  private async run(): Promise<void> {
    let forward = true
    while (!this.cancelled && !this.complete) {
      await afterNextPaint()
      if (this.cancelled) return
      const t0 = performance.now()
      let [lo, hi] = [this.lo, this.hi]
      try {
        this.source.advance(SCAN_SLICE_CHARS)
        // The blocks before the ones shown became known (a book opened part-way): indices moved up.
        const shift = this.source.prepended - this.prepended
        if (shift > 0) {
          this.prepended += shift
          this.lo = lo += shift
          this.hi = hi += shift
        }
        const n = this.source.count
        // Alternate directions so the text both above and below the reader fills in.
        if ((forward && this.hi < n) || this.lo === 0) this.append(this.chunkEnd(this.hi, this.chunkChars))
        else this.prepend(this.chunkStart(this.lo, this.chunkChars))
      } catch (e) {
        this.cancelled = true
        this.onError(e)
        return
      }
      forward = !forward
      // Nothing new: the rest of an article given in part has not arrived yet.
      if (this.lo === lo && this.hi === hi) continue
      void this.body.offsetHeight // lay out now, so the cost is measured and stays in this task
      const laidOut = performance.now()
      this.adapt(laidOut - t0)
      const starts = this.source.starts
      this.onChunk(this.lo < lo ? starts[this.lo] : starts[hi], this.lo < lo ? starts[lo] : starts[this.hi])
      // Left for profiling and the benchmark: what each chunk cost, and its size.
      performance.measure('reader:chunk', { start: t0, detail: { chars: this.chunkChars, layoutDone: laidOut - t0 } })
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
    const starts = this.source.starts
    const n = this.source.count
    return Math.min(n, Math.max(from + 1, blockAt(starts, starts[from] + chars) + 1))
  }

  private chunkStart(to: number, chars: number): number {
    const starts = this.source.starts
    return Math.max(0, Math.min(to - 1, blockAt(starts, Math.max(0, starts[to] - chars))))
  }

  private append(to: number): void {
    if (to <= this.hi) return
    const chunk = this.take(this.hi, to)
    this.body.appendChild(chunk)
    this.near.observe(chunk)
    this.hi = to
  }

  /** Inserts blocks above the ones shown, keeping what the reader sees still. */
  private prepend(from: number): void {
    if (from >= this.lo) return
    const ref = this.body.firstElementChild
    const before = ref?.getBoundingClientRect().top ?? 0
    const chunk = this.take(from, this.lo)
    this.body.insertBefore(chunk, this.body.firstChild)
    this.near.observe(chunk)
    this.lo = from
    if (ref) this.scroller.scrollTop += ref.getBoundingClientRect().top - before
  }

  /**
   * Blocks [from, to) in a chunk container, their text indexed. A chunk holds
   * parts of about PART_CHARS each (a few screens), and both are
   * `content-visibility: auto` (styles/reader.css): Chromium then skips style,
   * layout and paint of everything away from the viewport — where otherwise each
   * frame after a change would walk the whole book — and lays out one part when
   * it scrolls into view. Two levels keep the number of elements the browser
   * watches for visibility small: the parts of a skipped chunk are not watched.
   * Placeholder heights are estimated from the text length with the density
   * measured on the first screen, so scroll positions and jumps stay close; the
   * browser remembers the real height once one has been shown. Containers hold
   * no text, so offsets are unchanged.
   */
  private take(from: number, to: number): HTMLElement {
    const taken = this.source.take(from, to)
    this.removed += taken.removed
    this.index.add(this.source.starts[from], taken.nodes)
    const chunk = document.createElement('div')
    chunk.className = 'chunk'
    let part: HTMLElement | null = null
    let partChars = 0
    let total = 0
    const close = () => {
      if (part) part.style.containIntrinsicSize = `auto ${this.estimate(partChars)}px`
    }
    for (let node = taken.fragment.firstChild; node; node = taken.fragment.firstChild) {
      if (!part || partChars >= PART_CHARS) {
        close()
        part = document.createElement('div')
        part.className = 'chunk-part'
        chunk.appendChild(part)
        partChars = 0
      }
      const chars = node.textContent?.length ?? 0
      partChars += chars
      total += chars
      part.appendChild(node)
    }
    close()
    chunk.style.containIntrinsicSize = `auto ${this.estimate(total)}px`
    return chunk
  }

  private estimate(chars: number): number {
    return Math.max(1, Math.round(chars * this.pxPerChar))
  }
}
