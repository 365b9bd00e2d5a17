import type { TextIndex } from './text-index'

interface Caret {
  node: Node
  offset: number
}

/** The caret position at a viewport point (standard API, or Chromium's older one). */
export function caretAt(x: number, y: number): Caret | null {
  if (typeof document.caretPositionFromPoint === 'function') {
    const p = document.caretPositionFromPoint(x, y)
    return p ? { node: p.offsetNode, offset: p.offset } : null
  }
  const r = document.caretRangeFromPoint?.(x, y)
  return r ? { node: r.startContainer, offset: r.startOffset } : null
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom
}

/**
 * The text offset of the character drawn under a viewport point, or null when the
 * point is not over the article's text (margins, images, the end of a short line).
 * caretPositionFromPoint gives the nearest caret, which sits after the character
 * when the right half is hit, so the characters on both sides are checked.
 */
export function charOffsetAt(x: number, y: number, index: TextIndex, root: Node): number | null {
  const caret = caretAt(x, y)
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE || !root.contains(caret.node)) return null
  const node = caret.node as Text
  const base = index.offsetOfNode(node)
  if (base < 0) return null
  const range = document.createRange()
  for (const i of [caret.offset, caret.offset - 1]) {
    if (i < 0 || i >= node.data.length) continue
    range.setStart(node, i)
    range.setEnd(node, i + 1)
    for (const rect of range.getClientRects()) if (contains(rect, x, y)) return base + i
  }
  return null
}

/**
 * The text offset of the first text at or below viewport height `y` in the
 * column, used for the reading position and for which highlights to paint.
 */
export function offsetAtY(y: number, body: HTMLElement, index: TextIndex): number | null {
  const rect = body.getBoundingClientRect()
  if (y < rect.top) return null
  const x = rect.left + Math.min(24, rect.width / 2)
  const caret = caretAt(x, Math.min(y, rect.bottom - 1))
  if (!caret) return null
  return index.offsetOf(caret.node, caret.offset, body)
}

/**
 * True when the text at viewport height `y` is laid out: a chunk just scrolled
 * into view is an empty placeholder until the browser renders it (at the end of
 * a frame), and a probe of it lands on the chunk itself rather than on text.
 */
export function textShownAtY(y: number, body: HTMLElement): boolean {
  const rect = body.getBoundingClientRect()
  if (y < rect.top || y > rect.bottom) return true
  const caret = caretAt(rect.left + Math.min(24, rect.width / 2), y)
  if (!caret || caret.node.nodeType === Node.TEXT_NODE) return true
  const cls = (caret.node as Element).classList
  return !cls || !(cls.contains('chunk') || cls.contains('chunk-part'))
}

/** Vertical position (viewport pixels) of the text at `offset`, or null when it is not in the page. */
export function topOfOffset(index: TextIndex, offset: number): number | null {
  const end = Math.min(index.length, offset + 1)
  const range = index.range(offset, end > offset ? end : offset)
  if (!range) return null
  const rects = range.getClientRects()
  if (rects.length > 0) return rects[0].top
  const parent = range.startContainer.parentElement
  return parent && parent.isConnected ? parent.getBoundingClientRect().top : null
}
