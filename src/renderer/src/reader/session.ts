import { COLORS, type Annotation, type Article } from '@shared/model'
import { offsetAtY, topOfOffset } from './caret'
import { afterNextPaint } from './frames'
import { HighlightPainter } from './painter'
import { parseArticle, type ParsedArticle } from './parse'
import { ProgressiveRenderer } from './progressive'
import type { Span } from './overlap'

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

export interface SessionHooks {
  /** A chunk of the article was added to the page; `complete` once all of it is. */
  rendered(complete: boolean): void
  /** The text offset at the top of the reader changed (scroll, jump). */
  moved(top: number, atEnd: boolean): void
}

/**
 * One article open in the reader: its parsed text, the progressive renderer,
 * the highlight painter and the mapping between scroll position and text.
 * Framework-free; ReaderView wires it to the stores.
 */
export class ReaderSession {
  readonly parsed: ParsedArticle
  readonly renderer: ProgressiveRenderer
  readonly painter: HighlightPainter
  private frame = 0
  private flashTimer: ReturnType<typeof setTimeout> | undefined
  private disposed = false

  constructor(
    readonly body: HTMLElement,
    readonly scroller: HTMLElement,
    readonly article: Article,
    private readonly hooks: SessionHooks
  ) {
    this.parsed = parseArticle(article.html)
    this.renderer = new ProgressiveRenderer(body, scroller, this.parsed, () => this.afterChunk())
    this.painter = new HighlightPainter(this.parsed.index, this.renderer)
  }

  get index() {
    return this.parsed.index
  }

  /** Shows the article from `offset` (the saved reading position) and scrolls there. */
  start(offset: number): void {
    const at = Math.max(0, Math.min(offset, this.index.length))
    this.renderer.start(at)
    this.painter.setWindow(Math.max(0, at - DEFAULT_SCREEN_CHARS), at + DEFAULT_SCREEN_CHARS * (WINDOW_SCREENS + 1))
    if (at > 0) this.scrollToOffsetNow(at, 'top')
    this.renderer.done.then(() => this.verify())
    if (this.renderer.complete) this.hooks.rendered(true)
  }

  private afterChunk(): void {
    if (this.disposed) return
    this.updateWindow(true)
    this.hooks.rendered(this.renderer.complete)
  }

  /** Checks the promise offsets rest on: the page's text is the stored text. */
  private verify(): void {
    if (this.disposed) return
    this.body.dataset.render = 'complete'
    if (this.renderer.removed === 0 && !import.meta.env.DEV) return
    const walker = document.createTreeWalker(this.body, NodeFilter.SHOW_TEXT)
    const parts: string[] = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data)
    if (parts.join('') !== this.article.text) {
      this.body.dataset.textMismatch = 'true'
      console.error(`reader: the page text of article ${this.article.id} differs from article.text — highlight positions may be off`)
    }
  }

  setAnnotations(list: readonly Annotation[]): void {
    const byColor = new Map<string, Span[]>(COLORS.map((c) => [c, []]))
    for (const a of list) if (!a.orphaned) byColor.get(a.color)?.push(a)
    for (const [color, spans] of byColor) this.painter.setLayer(colorLayer(color), spans, { annotation: true })
  }

  setFind(matches: readonly Span[], current: number): void {
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

  /** Call on every scroll event; the work is done once per frame. */
  onScroll(): void {
    if (this.frame) return
    this.frame = requestAnimationFrame(() => {
      this.frame = 0
      this.updateWindow(false)
    })
  }

  /** Text offsets at the top and bottom of the reader's viewport. */
  visibleText(): { top: number; bottom: number } {
    const r = this.scroller.getBoundingClientRect()
    const top = offsetAtY(r.top + 2, this.body, this.index) ?? this.renderer.textStart
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
    if (!this.renderer.covers(offset, offset)) await this.renderer.done
    if (this.disposed) return
    this.scrollToOffsetNow(offset, align)
  }

  private scrollToOffsetNow(offset: number, align: 'top' | 'center'): void {
    const screen = DEFAULT_SCREEN_CHARS
    this.painter.setWindow(Math.max(0, offset - screen * WINDOW_SCREENS), offset + screen * WINDOW_SCREENS)
    const y = topOfOffset(this.index, offset)
    if (y === null) return
    const r = this.scroller.getBoundingClientRect()
    const target = align === 'top' ? r.top + TOP_MARGIN_PX : r.top + r.height / 3
    this.scroller.scrollTop += y - target
  }

  /** Scrolls to a range, flashes it, and resolves once that frame is painted. */
  async jumpTo(span: Span): Promise<void> {
    await this.scrollToOffset(span.start, 'center')
    this.flash(span)
    await afterNextPaint()
  }

  dispose(): void {
    this.disposed = true
    cancelAnimationFrame(this.frame)
    clearTimeout(this.flashTimer)
    this.renderer.cancel()
    this.painter.dispose()
  }
}
