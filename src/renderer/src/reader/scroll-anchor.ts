/**
 * Keeps what the reader looks at still while parts of the book above it change
 * height. A long book is shown in `content-visibility: auto` parts whose height
 * is an estimate until the browser first renders them, which it does as they
 * come near the viewport — so scrolling up into text never rendered (the start
 * of a book reopened part-way, or the text above a jump) makes the part above
 * grow or shrink by the estimate's error, and everything below it moves.
 * Chromium's own scroll anchoring was seen not to follow these changes, so the
 * scroller opts out of it (`overflow-anchor: none`) and this does the job: after
 * each change of an observed part's size, the element that was at the top of
 * the viewport is put back where it was, less what was scrolled since.
 *
 * The anchor is taken after each such change, after the renderer prepends, and
 * after a jump — never on a scroll event: reading the layout there can be what
 * lets the browser swap in a part's real height, and the change would go unseen.
 */
export class ScrollAnchor {
  /** The element at the top of the viewport: its top relative to the scroller's, and scrollTop, when taken. */
  private anchor: { el: Element; top: number; scrollTop: number } | null = null
  private readonly observer = new ResizeObserver(() => this.restore())

  constructor(
    private readonly scroller: HTMLElement,
    private readonly body: HTMLElement
  ) {
    scroller.style.overflowAnchor = 'none'
    // What sits above the article's text (its header) moves it as well when it changes height.
    for (let el = body.previousElementSibling; el; el = el.previousElementSibling) this.observer.observe(el)
  }

  /** Watches the size of a part of the book (chunks and their parts). */
  observe(el: Element): void {
    this.observer.observe(el)
  }

  /** Takes the element now at the top of the viewport as the anchor. */
  pick(): void {
    const r = this.scroller.getBoundingClientRect()
    const body = this.body.getBoundingClientRect()
    const x = Math.min(Math.max(body.left + 1, r.left + r.width / 2), body.right - 1)
    const el = document.elementFromPoint(x, r.top + 1)
    this.anchor =
      el && this.scroller.contains(el) ? { el, top: el.getBoundingClientRect().top - r.top, scrollTop: this.scroller.scrollTop } : null
  }

  private restore(): void {
    const a = this.anchor
    if (a?.el.isConnected) {
      const expected = a.top + (a.scrollTop - this.scroller.scrollTop)
      const moved = a.el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top - expected
      if (Math.abs(moved) >= 1) this.scroller.scrollTop += moved
    }
    this.pick()
  }

  dispose(): void {
    this.observer.disconnect()
    this.scroller.style.overflowAnchor = ''
  }
}
