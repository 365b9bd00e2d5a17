/**
 * The map between the article's plain-text offsets and DOM positions.
 *
 * The plain text is the concatenation of the article's text nodes in document
 * order, counted in UTF-16 code units — the same definition the core uses when it
 * stores `article.text`, so an offset means the same character on both sides.
 * The index grows a segment at a time as a long article is shown chunk by chunk;
 * lookups are binary searches over prefix sums of the text-node lengths.
 */
export interface DomPoint {
  node: Text
  offset: number
}

/** Which node an offset on the boundary between two text nodes belongs to. */
export type Bias = 'forward' | 'backward'

interface Segment {
  start: number
  end: number
  nodes: Text[]
  /** starts[i] is the global offset of nodes[i]; starts[nodes.length] === end. */
  starts: Float64Array
}

function lastAtOrBefore(values: ArrayLike<number>, n: number, offset: number): number {
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (values[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

export class TextIndex {
  private readonly segments: Segment[] = []
  private readonly positions = new Map<Text, number>()

  /**
   * @param length - length of the whole text, known before every part is indexed
   *   (of an article given in part, of what has arrived, until the rest does).
   */
  constructor(public length: number) {}

  /** Indexes every text node under `root` as one segment starting at offset 0. */
  static fromRoot(root: Node): TextIndex {
    const nodes = textNodesIn(root)
    let length = 0
    for (const n of nodes) length += n.data.length
    const index = new TextIndex(length)
    index.add(0, nodes)
    return index
  }

  /**
   * Adds the text nodes of one part of the article, which starts at `start`.
   * Nodes keep their identity when later moved into the page, so a part can be
   * indexed while still detached.
   */
  add(start: number, nodes: Text[]): void {
    if (nodes.length === 0) return
    const starts = new Float64Array(nodes.length + 1)
    starts[0] = start
    for (let i = 0; i < nodes.length; i++) {
      this.positions.set(nodes[i], starts[i])
      starts[i + 1] = starts[i] + nodes[i].data.length
    }
    const seg: Segment = { start, end: starts[nodes.length], nodes, starts }
    let at = this.segments.length
    while (at > 0 && this.segments[at - 1].start > start) at--
    this.segments.splice(at, 0, seg)
  }

  /** Text nodes of the segment holding offset `at` (for tests). */
  nodes(at: number): readonly Text[] {
    return this.segmentFor(at, 'forward')?.nodes ?? []
  }

  /** The indexed text, in order (for checks; article.text is the reference). */
  text(): string {
    return this.segments.map((s) => s.nodes.map((n) => n.data).join('')).join('')
  }

  private segmentFor(offset: number, bias: Bias): Segment | null {
    const segs = this.segments
    if (segs.length === 0) return null
    let lo = 0
    let hi = segs.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (segs[mid].start <= offset) lo = mid
      else hi = mid - 1
    }
    const i = lo
    let seg = segs[i]
    if (offset < seg.start || offset > seg.end) return null
    if (bias === 'backward' && offset === seg.start && i > 0 && segs[i - 1].end === offset) seg = segs[i - 1]
    return seg
  }

  /**
   * The DOM point at a text offset, or null when that part is not indexed yet. An
   * offset between two nodes belongs to the next node ('forward', right for a
   * range start) or the previous one ('backward', right for a range end).
   */
  locate(offset: number, bias: Bias = 'forward'): DomPoint | null {
    const seg = this.segmentFor(offset, bias)
    if (!seg) return null
    const n = seg.nodes.length
    let i = lastAtOrBefore(seg.starts, n, offset)
    if (bias === 'forward') {
      while (i < n - 1 && offset - seg.starts[i] >= seg.nodes[i].data.length) i++
    } else {
      while (i > 0 && seg.starts[i] === offset) i--
    }
    return { node: seg.nodes[i], offset: Math.min(offset - seg.starts[i], seg.nodes[i].data.length) }
  }

  /** A StaticRange for `[start, end)`; static so that later DOM insertions never move it. */
  staticRange(start: number, end: number): StaticRange | null {
    const a = this.locate(start, 'forward')
    const b = this.locate(end, 'backward')
    if (!a || !b) return null
    return new StaticRange({ startContainer: a.node, startOffset: a.offset, endContainer: b.node, endOffset: b.offset })
  }

  /** A live Range for `[start, end)` (for measuring and for the selection). */
  range(start: number, end: number): Range | null {
    const a = this.locate(start, 'forward')
    const b = this.locate(end, 'backward')
    if (!a || !b) return null
    const r = a.node.ownerDocument.createRange()
    r.setStart(a.node, a.offset)
    r.setEnd(b.node, b.offset)
    return r
  }

  /** Offset of the start of a text node, or -1 when it is not part of the article. */
  offsetOfNode(node: Text): number {
    return this.positions.get(node) ?? -1
  }

  /**
   * The text offset of a DOM boundary point (as found in a Selection or from
   * caretPositionFromPoint), or null when it is outside `root`. A point between
   * elements maps to the start of the next text inside root, or the end of the
   * previous one when nothing follows.
   */
  offsetOf(container: Node, offset: number, root: Node): number | null {
    if (!root.contains(container)) return null
    if (container.nodeType === Node.TEXT_NODE) {
      const start = this.offsetOfNode(container as Text)
      return start < 0 ? null : start + offset
    }
    const doc = root.ownerDocument ?? (root as Document)
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const child = container.childNodes[offset] ?? null
    if (child) {
      walker.currentNode = child
      const next = child.nodeType === Node.TEXT_NODE ? child : walker.nextNode()
      if (next) {
        const start = this.offsetOfNode(next as Text)
        return start < 0 ? null : start
      }
      walker.currentNode = child
    } else {
      const last = lastDescendant(container)
      if (last !== container && last.nodeType === Node.TEXT_NODE) return this.endOf(last as Text)
      walker.currentNode = last
    }
    // Nothing after the point: the end of the last text before it.
    const prev = walker.previousNode()
    return prev ? this.endOf(prev as Text) : 0
  }

  private endOf(node: Text): number | null {
    const start = this.offsetOfNode(node)
    return start < 0 ? null : start + node.data.length
  }
}

/** Text nodes under `root`, in document order. */
export function textNodesIn(root: Node): Text[] {
  const doc = root.ownerDocument ?? (root as Document)
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT)
  const out: Text[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text)
  return out
}

function lastDescendant(n: Node): Node {
  while (n.lastChild) n = n.lastChild
  return n
}
