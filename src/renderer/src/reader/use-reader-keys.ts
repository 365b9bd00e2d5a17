import { onBeforeUnmount, onMounted } from 'vue'
import { actionFor, isTyping, type ReaderAction } from './keyboard'
import { moveSelection } from './keyboard-select'

export interface KeyOptions {
  /** True while keyboard selection (v) is on: arrows then move the selection. */
  selecting(): boolean
  /** Called after an arrow key changed the keyboard selection. */
  selectionMoved(): void
  run(action: ReaderAction, e: KeyboardEvent): boolean | void
}

/** Parts of the reader whose own keys (buttons, lists, dialogs) come before the reader's shortcuts. */
const OWN_KEYS = '.floating, .typography-menu, dialog, .find-bar'

/**
 * The reader's keyboard shortcuts, on the window while the reader is open. Keys
 * typed into fields and keys inside popovers go to them, except Escape.
 */
export function useReaderKeys(opts: KeyOptions) {
  function onKey(e: KeyboardEvent) {
    if (e.defaultPrevented || e.isComposing) return
    const target = e.target as HTMLElement | null
    const action = actionFor(e)
    if (isTyping(target) && action !== 'find') return
    if (target?.closest?.(OWN_KEYS) && action !== 'escape' && action !== 'find') return
    // Space and Enter press a focused button; they are not page-down there.
    if ((e.key === ' ' || e.key === 'Enter') && target?.closest?.('button, a, select, summary')) return
    if (opts.selecting() && moveSelection(e)) {
      e.preventDefault()
      opts.selectionMoved()
      return
    }
    if (!action) return
    if (opts.run(action, e) !== false) e.preventDefault()
  }
  onMounted(() => window.addEventListener('keydown', onKey))
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey))
}
