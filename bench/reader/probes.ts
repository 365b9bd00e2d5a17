/// <reference lib="dom" />
/**
 * Functions the benchmark runs inside the page (serialised by Playwright, so each
 * is self-contained).
 */

/** Installed before the app loads: collects long tasks (>= 50 ms) with their start times. */
export function installLongTaskObserver(): void {
  const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> }
  w.__longTasks = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/** Long tasks that started at or after `since` (performance.now() time). */
export function longTasksSince(since: number): Array<{ start: number; duration: number }> {
  return (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks.filter((t) => t.start >= since)
}

/** Duration of the last performance.measure with this name, or null. */
export function lastMeasure(name: string): number | null {
  const all = performance.getEntriesByName(name, 'measure')
  return all.length ? all[all.length - 1].duration : null
}

export function clearMeasures(): void {
  performance.clearMeasures()
}

/**
 * Selects a few words of a paragraph in the middle of the viewport (as a mouse
 * drag would), so the benchmark can press `h`. Returns false if none is visible.
 * Finds the text by hit-testing, not by measuring paragraphs: measuring every
 * paragraph would force the layout of the whole book the reader keeps skipped.
 */
export function selectVisibleWords(nth: number): boolean {
  const body = document.querySelector('[data-testid=article-body]') as HTMLElement
  const view = body.closest('.reader-scroll')!.getBoundingClientRect()
  const left = body.getBoundingClientRect().left + 40
  for (let i = 0; i < 8; i++) {
    const y = view.top + view.height * (0.25 + ((nth + i) % 8) * 0.07)
    const caret = document.caretPositionFromPoint(left, y)
    const text = caret?.offsetNode
    if (!text || text.nodeType !== Node.TEXT_NODE || (text as Text).data.length < 60) continue
    const range = document.createRange()
    range.setStart(text, 10)
    range.setEnd(text, 50)
    const sel = document.getSelection()!
    sel.removeAllRanges()
    sel.addRange(range)
    document.dispatchEvent(new Event('selectionchange'))
    return true
  }
  return false
}

export function now(): number {
  return performance.now()
}

/** Number of ranges registered in the reader's CSS highlights. */
export function registeredRanges(): number {
  let n = 0
  for (const [name, h] of CSS.highlights) if (name.startsWith('scholia-')) n += h.size
  return n
}

/** Start time of the last mark with this name, or null. */
export function lastMark(name: string): number | null {
  const all = performance.getEntriesByName(name, 'mark')
  return all.length ? all[all.length - 1].startTime : null
}

/**
 * Resolves once more than `before` performance entries named `name` exist. Uses
 * a PerformanceObserver, not polling: Playwright's own waits poll the page every
 * frame, which on a book-size DOM would add work to the very frames measured.
 */
export function waitForEntry([name, type, before]: [string, 'mark' | 'measure', number]): Promise<void> {
  return new Promise((resolve) => {
    if (performance.getEntriesByName(name, type).length > before) return resolve()
    const observer = new PerformanceObserver(() => {
      if (performance.getEntriesByName(name, type).length > before) {
        observer.disconnect()
        resolve()
      }
    })
    observer.observe({ type })
  })
}
