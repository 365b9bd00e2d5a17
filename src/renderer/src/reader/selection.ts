import type { TextIndex } from './text-index'

/**
 * Longest passage one highlight may cover. A highlight is a quote; a selection of
 * a whole book is almost always a slip of Ctrl+A, and storing it would copy
 * megabytes into the quote, the search index and every export.
 */
export const MAX_HIGHLIGHT_CHARS = 100_000

export type SelectedRange = { ok: true; start: number; end: number; exact: string } | { ok: false; reason: string }

/**
 * The article text offsets of the current selection, or why it cannot be
 * highlighted, in words to show the user.
 */
export function selectedRange(sel: Selection | null, index: TextIndex, body: HTMLElement, text: string): SelectedRange {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return { ok: false, reason: 'Select some words in the article first.' }
  const range = sel.getRangeAt(0)
  const start = index.offsetOf(range.startContainer, range.startOffset, body)
  const end = index.offsetOf(range.endContainer, range.endOffset, body)
  if (start === null || end === null)
    return { ok: false, reason: 'The selection goes outside the article text — select words inside the article.' }
  if (end <= start) return { ok: false, reason: 'Select some words in the article first.' }
  const exact = text.slice(start, end)
  if (!/\S/.test(exact)) return { ok: false, reason: 'The selection holds only spaces — select some words.' }
  if (end - start > MAX_HIGHLIGHT_CHARS)
    return {
      ok: false,
      reason: `The selection is too long to highlight (${(end - start).toLocaleString()} characters; the limit is ${MAX_HIGHLIGHT_CHARS.toLocaleString()}) — select a shorter passage.`
    }
  return { ok: true, start, end, exact }
}

/** Puts the page selection on `[start, end)` of the article text. */
export function selectOffsets(index: TextIndex, start: number, end: number): void {
  const range = index.range(start, end)
  const sel = document.getSelection()
  if (!range || !sel) return
  sel.removeAllRanges()
  sel.addRange(range)
}
