import { overlaps, type Span } from './overlap'
import type { TextIndex } from './text-index'

/** What the painter needs to know about the part of the article in the page. */
export interface RenderedRegion {
  covers(start: number, end: number): boolean
}

interface Layer {
  spans: readonly Span[]
  /** Spans are sorted and never overlap (find matches), so the window is found by binary search. */
  disjoint: boolean
  /** Whether this layer's spans count towards the overlap marks. */
  annotation: boolean
  highlight: Highlight
}

/** The layer marking text covered by two or more highlights. */
export const OVERLAP_LAYER = 'scholia-overlap'
/** Safety cap on ranges painted per layer, whatever the window holds. */
const MAX_RANGES_PER_LAYER = 4_000

function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0
  let hi = spans.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (spans[mid].end <= offset) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Paints text ranges with the CSS Custom Highlight API: one registry entry per
 * layer (a colour, the find matches…), styled by `::highlight(name)` in CSS, with
 * no change to the article's DOM.
 *
 * Only ranges in a window around the viewport are registered. Chromium rebuilds
 * every registered range's markers after any DOM or style change anywhere in the
 * page (opening a popover, updating a list), so registering all 10,000 highlights
 * of a book would make each such change a long task; a window of a few screens
 * keeps it to a few hundred ranges. Ranges are StaticRanges, which later DOM
 * insertions (progressive rendering) do not have to update.
 */
export class HighlightPainter {
  private readonly layers = new Map<string, Layer>()
  private readonly overlap = new Highlight()
  private lo = 0
  private hi = 0

  constructor(
    private readonly index: TextIndex,
    private readonly region: RenderedRegion
  ) {
    this.overlap.priority = 1
    CSS.highlights.set(OVERLAP_LAYER, this.overlap)
  }

  /**
   * Sets (or replaces) a layer's spans; `priority` orders layers where they
   * overlap. Pass `paint: false` when setting several layers, then repaint() once.
   */
  setLayer(
    name: string,
    spans: readonly Span[],
    opts: { priority?: number; disjoint?: boolean; annotation?: boolean; paint?: boolean } = {}
  ): void {
    let layer = this.layers.get(name)
    if (!layer) {
      const highlight = new Highlight()
      CSS.highlights.set(name, highlight)
      layer = { spans, disjoint: false, annotation: false, highlight }
      this.layers.set(name, layer)
    }
    layer.spans = spans
    layer.disjoint = opts.disjoint ?? false
    layer.annotation = opts.annotation ?? false
    layer.highlight.priority = opts.priority ?? 0
    if (opts.paint === false) return
    this.paintLayer(layer)
    if (layer.annotation) this.paintOverlaps()
  }

  /** The text window [lo, hi) whose ranges are registered. */
  get window(): Span {
    return { start: this.lo, end: this.hi }
  }

  /** Moves the window and repaints every layer. */
  setWindow(lo: number, hi: number): void {
    this.lo = lo
    this.hi = hi
    this.repaint()
  }

  /** Ranges registered now, over all layers (for the benchmark and tests). */
  get painted(): number {
    let n = 0
    for (const layer of this.layers.values()) n += layer.highlight.size
    return n
  }

  repaint(): void {
    for (const layer of this.layers.values()) this.paintLayer(layer)
    this.paintOverlaps()
  }

  /**
   * Repaints only the named layers (and the overlap marks if one of them counts
   * towards them): a new highlight re-registers its colour's ranges, not every
   * layer's, so the frame that shows it has less to rebuild.
   */
  repaintLayers(names: Iterable<string>): void {
    let overlapsChanged = false
    for (const name of names) {
      const layer = this.layers.get(name)
      if (!layer) continue
      this.paintLayer(layer)
      overlapsChanged ||= layer.annotation
    }
    if (overlapsChanged) this.paintOverlaps()
  }

  dispose(): void {
    for (const [name] of this.layers) CSS.highlights.delete(name)
    CSS.highlights.delete(OVERLAP_LAYER)
    this.layers.clear()
  }

  private visible(layer: Layer): Span[] {
    const out: Span[] = []
    const { spans } = layer
    const from = layer.disjoint ? firstEndingAfter(spans, this.lo) : 0
    for (let i = from; i < spans.length && out.length < MAX_RANGES_PER_LAYER; i++) {
      const s = spans[i]
      if (s.start >= this.hi) {
        if (layer.disjoint) break
        continue
      }
      if (s.end > this.lo && s.end > s.start && this.region.covers(s.start, s.end)) out.push(s)
    }
    return out
  }

  private paintLayer(layer: Layer): void {
    layer.highlight.clear()
    for (const s of this.visible(layer)) {
      const r = this.index.staticRange(s.start, s.end)
      if (r) layer.highlight.add(r)
    }
  }

  private paintOverlaps(): void {
    const spans: Span[] = []
    for (const layer of this.layers.values()) if (layer.annotation) spans.push(...this.visible(layer))
    this.overlap.clear()
    for (const s of overlaps(spans)) {
      const r = this.index.staticRange(s.start, s.end)
      if (r) this.overlap.add(r)
    }
  }
}
