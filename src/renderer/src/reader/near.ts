/**
 * How far beyond the viewport, above and below, chunks and their parts are laid
 * out with their real height ahead of being scrolled to. Chromium's own
 * `content-visibility: auto` margin is a fraction of a screen, so a part first
 * drawn as it scrolled in replaced its estimated height while in view, and
 * whatever was on screen below its top moved by the estimate's error (a 600 px
 * wheel step once moved the text by 1,664 px). Laid out this far ahead, a part's
 * height changes while it is well away from the viewport, where the browser's
 * scroll anchoring keeps the text in view still. It covers a long wheel or
 * keyboard jump (5,000 px and a screen); a scrollbar drag further than this
 * still lands on estimates, with nothing of the former view left to move.
 */
export const NEAR_MARGIN_PX = 6_000

/**
 * Laying out 6,000 px ahead costs the frames right after first paint, which is
 * when the highlights are painted; so it starts this long after opening, or at
 * the reader's first wheel, key, pointer or touch, whichever comes first.
 */
export const NEAR_START_MS = 1_000

const USER_INPUT = ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const

/**
 * Marks the reader's chunks, and the parts of chunks near the viewport, with
 * the `near` class while within NEAR_MARGIN_PX of it; styles/reader.css renders
 * those (`content-visibility: visible`). Away again they go back to `auto` and
 * keep the height they were drawn with (`contain-intrinsic-size: auto …`). Only
 * the parts of near chunks are watched, so the browser checks few elements.
 */
export class NearRenderer {
  private readonly parts: IntersectionObserver
  private readonly chunks: IntersectionObserver
  /** Chunks put in the page before the watching starts. */
  private waiting: HTMLElement[] | null = []
  private readonly timer: ReturnType<typeof setTimeout>
  private readonly startNow = () => this.start()

  constructor(scroller: HTMLElement) {
    const options: IntersectionObserverInit = { root: scroller, rootMargin: `${NEAR_MARGIN_PX}px 0px` }
    this.parts = new IntersectionObserver((entries) => {
      for (const e of entries) e.target.classList.toggle('near', e.isIntersecting)
    }, options)
    this.chunks = new IntersectionObserver((entries) => {
      for (const e of entries) {
        e.target.classList.toggle('near', e.isIntersecting)
        for (const part of e.target.children) {
          if (e.isIntersecting) this.parts.observe(part)
          else {
            this.parts.unobserve(part)
            part.classList.remove('near')
          }
        }
      }
    }, options)
    this.timer = setTimeout(this.startNow, NEAR_START_MS)
    for (const type of USER_INPUT) window.addEventListener(type, this.startNow, { capture: true, passive: true })
  }

  /** Starts watching a chunk just put in the page (at once, or when the watching starts). */
  observe(chunk: HTMLElement): void {
    if (this.waiting) this.waiting.push(chunk)
    else this.chunks.observe(chunk)
  }

  private start(): void {
    if (!this.waiting) return
    const chunks = this.waiting
    this.waiting = null
    this.stopStarting()
    for (const c of chunks) if (c.isConnected) this.chunks.observe(c)
  }

  private stopStarting(): void {
    clearTimeout(this.timer)
    for (const type of USER_INPUT) window.removeEventListener(type, this.startNow, { capture: true })
  }

  disconnect(): void {
    this.waiting = null
    this.stopStarting()
    this.chunks.disconnect()
    this.parts.disconnect()
  }
}
