import { onBeforeUnmount, onMounted, shallowRef } from 'vue'
import { selectedRange, type SelectedRange } from './selection'
import type { ReaderSession } from './session'

export interface CurrentSelection {
  start: number
  end: number
  exact: string
  /** Where the selection is on screen, for the floating toolbar. */
  rect: { top: number; bottom: number; left: number; width: number }
}

/**
 * The page selection as article offsets, kept up to date as the user selects
 * with the mouse (once the button is released) or the keyboard.
 */
export function useSelection(session: () => ReaderSession | null) {
  const current = shallowRef<CurrentSelection | null>(null)
  let pointerDown = false
  let frame = 0

  /** The selection as offsets, or why it cannot be highlighted. */
  function check(): SelectedRange {
    const s = session()
    if (!s) return { ok: false, reason: 'The article is still opening.' }
    return selectedRange(document.getSelection(), s.index, s.body, s.article.text)
  }

  function refresh() {
    const r = check()
    const sel = document.getSelection()
    if (!r.ok || !sel || sel.rangeCount === 0) {
      current.value = null
      return
    }
    const box = sel.getRangeAt(0).getBoundingClientRect()
    current.value = { start: r.start, end: r.end, exact: r.exact, rect: { top: box.top, bottom: box.bottom, left: box.left, width: box.width } }
  }

  function onSelectionChange() {
    if (pointerDown || frame) return
    frame = requestAnimationFrame(() => {
      frame = 0
      refresh()
    })
  }

  function clear() {
    document.getSelection()?.removeAllRanges()
    current.value = null
  }

  const onDown = () => {
    pointerDown = true
  }
  const onUp = () => {
    if (!pointerDown) return
    pointerDown = false
    refresh()
  }

  onMounted(() => {
    document.addEventListener('selectionchange', onSelectionChange)
    document.addEventListener('pointerup', onUp)
  })
  onBeforeUnmount(() => {
    document.removeEventListener('selectionchange', onSelectionChange)
    document.removeEventListener('pointerup', onUp)
    cancelAnimationFrame(frame)
  })

  return { current, check, refresh, clear, onPointerDown: onDown }
}
