import type { TextIndex } from './text-index'

type Direction = 'forward' | 'backward'
type Granularity = 'character' | 'word' | 'line' | 'lineboundary'

/** Selection.modify: in every engine we run on, though not yet in the DOM typings. */
type ModifiableSelection = Selection & { modify(alter: 'move' | 'extend', direction: Direction, granularity: Granularity): void }

const MOVES: Record<string, [Direction, Granularity]> = {
  ArrowRight: ['forward', 'character'],
  ArrowLeft: ['backward', 'character'],
  ArrowDown: ['forward', 'line'],
  ArrowUp: ['backward', 'line'],
  End: ['forward', 'lineboundary'],
  Home: ['backward', 'lineboundary']
}

/**
 * Keyboard selection (the `v` mode): a caret placed in the text that arrow keys
 * move and Shift+arrows extend, so text can be highlighted without a mouse in a
 * page that is not editable. Returns true when it handled the key.
 */
export function moveSelection(e: KeyboardEvent): boolean {
  const move = MOVES[e.key]
  const sel = document.getSelection() as ModifiableSelection | null
  if (!move || !sel || sel.rangeCount === 0) return false
  const [direction, unit] = move
  const granularity: Granularity = (e.ctrlKey || e.altKey) && unit === 'character' ? 'word' : unit
  sel.modify(e.shiftKey ? 'extend' : 'move', direction, granularity)
  return true
}

/** Puts a collapsed selection (the keyboard caret) at a text offset. */
export function placeCaret(index: TextIndex, offset: number): void {
  const p = index.locate(offset, 'forward')
  const sel = document.getSelection()
  if (!p || !sel) return
  sel.collapse(p.node, p.offset)
}

/** Offset of the selection's focus (the end that moves), or null outside the article. */
export function caretOffset(index: TextIndex, body: HTMLElement): number | null {
  const sel = document.getSelection()
  if (!sel || !sel.focusNode) return null
  return index.offsetOf(sel.focusNode, sel.focusOffset, body)
}
