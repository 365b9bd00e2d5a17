/**
 * The map between the article's plain-text offsets and DOM positions.
 *
 * The plain text is the concatenation of the article's text nodes in document
 * order, counted in UTF-16 code units — the same definition the core uses when it
 * stores `article.text`, so an offset means the same character on both sides.
 * Lookups are a binary search over the prefix sums of the text-node lengths.
 */
export interface DomPoint {
  node: Text
  offset: number
}

/** Which node an offset on the boundary between two text nodes belongs to. */
export type Bias = 'forward' | 'backward'

export class TextIndex {
  /** The text nodes, in document order. */
  readonly nodes: Text[] = []
  /** starts[i] is the offset of nodes[i]; starts[nodes.length] is the total length. */
  readonly starts: Uint32Array
  private readonly positions = new Map<Text, number>()

  /**
   * Indexes every text node under `root`. Nodes keep their identity when later
   * moved into the live document, so the index can be built on a detached tree.
   */
  constructor(root: Node) {
    const doc = root.ownerDocument ?? (root as Document)
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    const lengths: number[] = []
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      this.positions.set(n as Text, this.nodes.length)
      this.nodes.push(n as Text)
      lengths.push((n as Text).data.length)
    }
    this.starts = new Uint32Array(lengths.length + 1)
    for (let i = 0; i < lengths.length; i++) this.starts[i + 1] = this.starts[i] + lengths[i]
  }

  /** Length of the plain text. */
  get length(): number {
    return this.starts[this.nodes.length]
  }

  /** The plain text as the DOM holds it (for checks; the article's text is the reference). */
  text(): string {
    return this.nodes.map((n) => n.data).join('')
  }

  /** Index of the node holding `offset` (the last node whose start is <= offset). */
  private nodeAt(offset: number): number {
    let lo = 0
    let hi = this.nodes.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1
      if (this.starts[mid] <= offset) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  /**
   * The DOM point at a text offset. An offset between two nodes belongs to the
   * next node ('forward', right for a range start) or the previous one
   * ('backward', right for a range end), so ranges never start at a node's end.
   */
  locate(offset: number, bias: Bias = 'forward'): DomPoint | null {
    if (this.nodes.length === 0 || offset < 0 || offset > this.length) return null
    let i = this.nodeAt(offset)
    // Skip empty nodes and, going forward, the end of a node that a later one starts at.
    if (bias === 'forward') {
      while (i < this.nodes.length - 1 && offset - this.starts[i] >= this.nodes[i].data.length) i++
    } else {
      while (i > 0 && this.starts[i] === offset) i--
    }
    return { node: this.nodes[i], offset: Math.min(offset - this.starts[i], this.nodes[i].data.length) }
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
    const i = this.positions.get(node)
    return i === undefined ? -1 : this.starts[i]
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

function lastDescendant(n: Node): Node {
  while (n.lastChild) n = n.lastChild
  return n
}
