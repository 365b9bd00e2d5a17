import { ref } from 'vue'
import { caretOffset, placeCaret } from './keyboard-select'
import type { ReaderSession } from './session'
import type { useSelection } from './use-selection'

/**
 * Keyboard selection (`v`): a caret at the top of the reader that arrow keys move
 * and Shift+arrows extend; the caret is painted as a highlight, since a collapsed
 * selection in text that is not editable is invisible.
 */
export function useSelectMode(session: () => ReaderSession | null, selection: ReturnType<typeof useSelection>) {
  const active = ref(false)
  /** Spoken by screen readers (a live region in the view). */
  const status = ref('')

  function start() {
    const s = session()
    if (!s) return
    active.value = true
    placeCaret(s.index, s.visibleText().top)
    moved()
    status.value = 'Keyboard selection: arrows move, Shift+arrows select (Ctrl for words), h highlights, Esc stops.'
  }

  /** After an arrow key: repaint the caret, keep it in view, update the toolbar. */
  function moved() {
    const s = session()
    if (!s) return
    const sel = document.getSelection()
    s.setCaret(sel?.isCollapsed ? caretOffset(s.index, s.body) : null)
    sel?.focusNode?.parentElement?.scrollIntoView({ block: 'nearest' })
    selection.refresh()
  }

  function stop() {
    active.value = false
    session()?.setCaret(null)
    status.value = ''
  }

  return { active, status, start, moved, stop }
}
