import { COLORS, type Annotation, type Article } from '@shared/model'
import { offsetAtY, textShownAtY, topOfOffset } from './caret'
import { afterNextPaint } from './frames'
import { HighlightPainter } from './painter'
import { checkPageText } from './page-check'
import { blockSource, hasMismatch, TextMismatch, type BlockSource, type Heading, type SourceBase } from './parse'
import { ProgressiveRenderer } from './progressive'
import { sameSpans, type Span } from './overlap'
import { TextIndex } from './text-index'

/** CSS highlight name of a colour; styled by ::highlight() in styles/reader.css. */
export const colorLayer = (c: string): string => `scholia-${c}`
export const FIND_LAYER = 'scholia-find'
export const FIND_CURRENT_LAYER = 'scholia-find-current'
export const FLASH_LAYER = 'scholia-flash'
export const CARET_LAYER = 'scholia-caret'
/** How long a highlight flashes after a jump to it. */
const FLASH_MS = 1_200
/**
 * Screens of text registered for painting above and below the viewport. Scrolling
 * within them needs no repaint; leaving them moves the window.
 */
const WINDOW_SCREENS = 3
/** Chars assumed per screen before the page can be measured. */
const DEFAULT_SCREEN_CHARS = 4_000
/** Gap kept above text scrolled to the top of the reader, so it is not under the edge. */
const TOP_MARGIN_PX = 24
const PROBE_BELOW_PX = 4
/** Frames a jump target is held in place while the text around it is rendered. */
const SETTLE_FRAMES = 3
/** A target this close to its place is not moved again. */
const SETTLED_PX = 1
/** Pause between position checks while scrolling. */
const SCROLL_CHECK_MS = 100
/** Frames to wait for a chunk scrolled into view to be rendered before measuring anyway. */
const MAX_RENDER_WAIT_FRAMES = 4

/** What the reader paints of a highlight: an annotation, or just its span before the details arrive. */
export type PaintSpan = Pick<Annotation, 'id' | 'start' | 'end' | 'color'> & { orphaned?: boolean }

export interface SessionHooks {
  /** A chunk of the article was added to the page; `complete` once all of it is. */
  rendered(complete: boolean): void
  /** The text offset at the top of the reader changed (scroll, jump). */
  moved(top: number, atEnd: boolean): void
  /** Every heading is known (the whole article has been scanned). */
  contents(headings: readonly Heading[]): void
}

/**
 * One article open in the reader: its parsed text, the progressive renderer,
 * the highlight painter and the mapping between scroll position and text.
 * Framework-free; ReaderView wires it to the stores.
 */
export class ReaderSession {
  private source!: BlockSource
  private textIndex!: TextIndex
  private progressive!: ProgressiveRenderer
  private highlightPainter!: HighlightPainter
  private annotations: readonly PaintSpan[] = []
  /** Spans last given to each colour layer, so an unchanged colour is not repainted. */
  private colorSpans = new Map<string, readonly Span[]>()
  private find: { matches: readonly Span[]; current: number } = { matches: [], current: -1 }
  private scrollPending = false
  private jumpSeq = 0
  private flashTimer: ReturnType<typeof setTimeout> | undefined
  private disposed = false
  private contentsSent = false
  /** Resolves once the whole article is in the page, across a fallback restart. */
  readonly done: Promise<void>
  private resolveDone!: () => void

  /** A mismatch found while only part of the article was there: handled once the rest is. */
  private failedEarly: { at?: number } | null = null

  /**
   * @param article - the article; of a long one perhaps only part of its HTML and
   *   text (`partial`: the beginning, or the blocks from `base` on), the rest given
   *   to `extend` when it arrives.
   */
  constructor(
    readonly body: HTMLElement,
    readonly scroller: HTMLElement,
    public article: Article,
    private readonly hooks: SessionHooks,
    private partial = false,
    private readonly base?: SourceBase
  ) {
    this.done = new Promise((r) => (this.resolveDone = r))
    this.build(false)
  }

  private build(whole: boolean): void {
    this.source = blockSource(this.article.html, this.article.text, whole, this.partial, this.base)
    this.textIndex = new TextIndex(this.article.text.length)
    this.progressive = new ProgressiveRenderer(this.body, this.scroller, this.source, this.textIndex, (a, b) => this.afterChunk(a, b), (e) => this.failed(e))
    this.highlightPainter = new HighlightPainter(this.textIndex, this.progressive)
    this.colorSpans = new Map()
  }

  /** Whether all of the article is here (not just its beginning). */
  get whole(): boolean {
    return !this.partial
  }

  get index(): TextIndex {
    return this.textIndex
  }
  get renderer(): ProgressiveRenderer {
    return this.progressive
  }
  get painter(): HighlightPainter {
    return this.highlightPainter
  }
  get headings(): readonly Heading[] {
    return this.source.headings
  }

  /** The whole article, when the session began with part of it: the rendering goes on through the rest. */
  extend(article: Article): void {
    if (this.disposed || !this.partial) return
    this.article = article
    this.partial = false
    this.textIndex.length = article.text.length
    if (this.failedEarly) {
      this.failed(new TextMismatch('the article HTML is not in canonical form'), this.failedEarly.at)
      return
    }
    try {
      this.source.extend(article.html, article.text, false)
    } catch (e) {
      this.failed(e)
    }
  }

  /** Shows the article from `offset` (the saved reading position) and scrolls there. */
  start(offset: number): void {
    const at = Math.max(0, Math.min(offset, this.article.text.length))
    try {
      this.progressive.start(at)
    } catch (e) {
      this.failed(e, at)
      return
    }
    this.painter.setWindow(Math.max(0, at - DEFAULT_SCREEN_CHARS), at + DEFAULT_SCREEN_CHARS * (WINDOW_SCREENS + 1))
    if (at > 0) this.scrollToOffsetNow(at, 'top')
    const renderer = this.progressive
    void renderer.done.then(() => {
      if (renderer !== this.progressive || this.disposed) return
      checkPageText(this.body, this.article, hasMismatch(this.source), this.renderer.removed)
      this.resolveDone()
    })
    this.sendContents()
    if (renderer.complete) this.hooks.rendered(true)
  }

  /**
   * A chunk's text differed from the article's: the HTML was not in the canonical
   * form the fast path assumes. Start again with the whole-document parse, from
   * the same place, with the same highlights.
   */
  private failed(e: unknown, at?: number): void {
    if (this.disposed) return
    if (!(e instanceof TextMismatch)) throw e
    if (this.partial) {
      // The whole-document parse needs the whole article: wait for the rest.
      this.progressive.cancel()
      this.failedEarly = { at }
      return
    }
    this.failedEarly = null
    console.warn(`reader: ${e.message}; parsing article ${this.article.id} whole instead`)
    const top = at ?? this.visibleText().top
    this.progressive.cancel()
    this.highlightPainter.dispose()
    this.body.replaceChildren()
    this.contentsSent = false
    this.build(true)
    this.start(top)
    this.setAnnotations(this.annotations)
    this.setFind(this.find.matches, this.find.current)
  }

  /** A chunk [start, end) joined the page: paint what of it is in the window. */
  private afterChunk(start: number, end: number): void {
    if (this.disposed) return
    const w = this.painter.window
    if (start < w.end && end > w.start) this.painter.repaint()
    this.sendContents()
    this.hooks.rendered(this.renderer.complete)
  }

  private sendContents(): void {
    if (this.contentsSent || !this.source.complete) return
    this.contentsSent = true
    this.hooks.contents(this.source.headings)
  }

  setAnnotations(list: readonly PaintSpan[]): void {
    const t0 = performance.now()
    this.annotations = list
    const byColor = new Map<string, Span[]>(COLORS.map((c) => [c, []]))
    for (const a of list) if (!a.orphaned) byColor.get(a.color)?.push(a)
    // A new highlight changes one colour; the core's answer to it changes none (same span, new id).
    const changed: string[] = []
    for (const [color, spans] of byColor) {
      const name = colorLayer(color)
      const before = this.colorSpans.get(name)
      if (before && sameSpans(before, spans)) continue
      this.colorSpans.set(name, spans)
      this.painter.setLayer(name, spans, { annotation: true, paint: false })
      changed.push(name)
    }
    this.painter.repaintLayers(changed)
    // Left for the benchmark: the script cost of each change of highlights (a new one, its saved copy).
    performance.measure('reader:set-annotations', { start: t0, detail: { layers: changed.length } })
  }

  setFind(matches: readonly Span[], current: number): void {
    this.find = { matches, current }
    this.painter.setLayer(FIND_LAYER, matches, { disjoint: true, priority: 2 })
    this.painter.setLayer(FIND_CURRENT_LAYER, current >= 0 ? [matches[current]] : [], { disjoint: true, priority: 3 })
  }

  setCaret(offset: number | null): void {
    this.painter.setLayer(CARET_LAYER, offset === null ? [] : [{ start: offset, end: Math.min(offset + 1, this.index.length) }], { priority: 4 })
  }

  flash(span: Span): void {
    clearTimeout(this.flashTimer)
    this.painter.setLayer(FLASH_LAYER, [span], { priority: 5 })
    this.flashTimer = setTimeout(() => this.painter.setLayer(FLASH_LAYER, []), FLASH_MS)
  }

  /**
   * Call on every scroll event. The work (hit-testing the top line, moving the
   * painted window, reporting the position) is done at most every
   * SCROLL_CHECK_MS, after the frames that render what scrolled into view:
   * before them a hit test would land on an empty placeholder. The painted
   * window reaches screens beyond the viewport, so highlights are there already.
   */
  onScroll(): void {
    if (this.scrollPending) return
    this.scrollPending = true
    setTimeout(() => {
      void this.afterRendered().then(() => {
        this.scrollPending = false
        this.updateWindow(false)
      })
    }, SCROLL_CHECK_MS)
  }

  /** Waits for the frames that render the chunks now at the top of the reader (a few at most). */
  private async afterRendered(): Promise<void> {
    const y = this.scroller.getBoundingClientRect().top + TOP_MARGIN_PX + PROBE_BELOW_PX
    for (let i = 0; i < MAX_RENDER_WAIT_FRAMES; i++) {
      await afterNextPaint()
      if (this.disposed || textShownAtY(y, this.body)) return
    }
  }

  /** Text offsets at the top and bottom of the reader's viewport. */
  visibleText(): { top: number; bottom: number } {
    const r = this.scroller.getBoundingClientRect()
    // Probe just below where a jump puts its target, so a jump and the position it reports agree.
    const top = offsetAtY(r.top + TOP_MARGIN_PX + PROBE_BELOW_PX, this.body, this.index) ?? this.renderer.textStart
    const bottom = offsetAtY(r.bottom - 2, this.body, this.index) ?? top
    return { top, bottom: Math.max(top, bottom) }
  }

  private updateWindow(force: boolean): void {
    if (this.disposed) return
    const { top, bottom } = this.visibleText()
    const screen = Math.max(bottom - top, 1_000)
    const { start, end } = this.painter.window
    if (force || top - screen < start || bottom + screen > end) {
      this.painter.setWindow(Math.max(0, top - screen * WINDOW_SCREENS), bottom + screen * WINDOW_SCREENS)
    }
    const s = this.scroller
    const atEnd = this.renderer.complete && s.scrollTop + s.clientHeight >= s.scrollHeight - 2
    this.hooks.moved(top, atEnd)
  }

  /** Scrolls so the text at `offset` is at the top (or centre); waits for it to be in the page. */
  async scrollToOffset(offset: number, align: 'top' | 'center' = 'center'): Promise<void> {
    if (!this.renderer.covers(offset, offset)) await this.done
    if (this.disposed) return
    this.scrollToOffsetNow(offset, align)
  }

  private scrollToOffsetNow(offset: number, align: 'top' | 'center'): void {
    const screen = DEFAULT_SCREEN_CHARS
    this.painter.setWindow(Math.max(0, offset - screen * WINDOW_SCREENS), offset + screen * WINDOW_SCREENS)
    if (this.alignOffset(offset, align)) void this.settle(offset, align, ++this.jumpSeq)
  }

  /** Scrolls so `offset` is at its place; false if it is not in the page. */
  private alignOffset(offset: number, align: 'top' | 'center'): boolean {
    const y = topOfOffset(this.index, offset)
    if (y === null) return false
    const r = this.scroller.getBoundingClientRect()
    const target = align === 'top' ? r.top + TOP_MARGIN_PX : r.top + r.height / 3
    if (Math.abs(y - target) > SETTLED_PX) this.scroller.scrollTop += y - target
    return true
  }

  /**
   * After a jump, the parts of the book next to the target are rendered in the
   * following frames, and where their real height differs from the estimate the
   * target moves; put it back, for a few frames (unless another jump started).
   */
  private async settle(offset: number, align: 'top' | 'center', seq: number): Promise<void> {
    for (let i = 0; i < SETTLE_FRAMES; i++) {
      await afterNextPaint()
      if (this.disposed || seq !== this.jumpSeq) return
      this.alignOffset(offset, align)
    }
  }

  /** Scrolls to a range, flashes it, and resolves once that frame is painted. */
  async jumpTo(span: Span): Promise<void> {
    await this.scrollToOffset(span.start, 'center')
    this.flash(span)
    await afterNextPaint()
  }

  dispose(): void {
    this.disposed = true
    clearTimeout(this.flashTimer)
    this.renderer.cancel()
    this.painter.dispose()
  }
}
