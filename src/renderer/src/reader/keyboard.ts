/** Everything the reader does from the keyboard. */
export type ReaderAction =
  | 'highlight' | 'highlight-color' | 'note' | 'tag' | 'copy-quote'
  | 'line-down' | 'line-up' | 'page-down' | 'page-up' | 'top' | 'bottom'
  | 'prev-article' | 'next-article' | 'find' | 'find-next' | 'find-prev'
  | 'help' | 'escape' | 'select-mode' | 'toggle-contents' | 'toggle-annotations'
  | 'library' | 'typography'

export interface Shortcut {
  keys: string
  label: string
}

/** The cheat sheet, in the order it is shown. */
export const SHORTCUTS: Array<{ group: string; items: Shortcut[] }> = [
  {
    group: 'Reading',
    items: [
      { keys: 'j / k', label: 'Scroll down / up' },
      { keys: 'Space / Shift+Space', label: 'Page down / up' },
      { keys: 'g / G', label: 'Go to the start / end' },
      { keys: '[ / ]', label: 'Previous / next article in the library' },
      { keys: 'Ctrl+F (⌘F), / ', label: 'Find in the article' },
      { keys: 'Enter / Shift+Enter', label: 'Next / previous match (in the find box)' },
      { keys: 'c', label: 'Show or hide the contents' },
      { keys: 'a', label: 'Show or hide the annotations' },
      { keys: 'f', label: 'Typography and theme' },
      { keys: 'Backspace or Alt+←', label: 'Back to the library' }
    ]
  },
  {
    group: 'Highlighting',
    items: [
      { keys: 'v', label: 'Start selecting with the keyboard (then Shift+arrows, Ctrl+Shift+arrows by word)' },
      { keys: 'h', label: 'Highlight the selection (last colour)' },
      { keys: '1 … 6', label: 'Highlight the selection in a colour' },
      { keys: 'n', label: 'Highlight the selection and write a note' },
      { keys: 't', label: 'Highlight the selection and tag it' },
      { keys: 'y', label: 'Copy the selection as a quote with its source' },
      { keys: 'Esc', label: 'Close, or clear the selection' },
      { keys: '?', label: 'This list' }
    ]
  }
]

/** True when the key goes to a text field, not to the reader. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)
}

/** The reader action for a key press, or null to let the browser have it. */
export function actionFor(e: KeyboardEvent): ReaderAction | null {
  const mod = e.ctrlKey || e.metaKey
  if (mod && !e.altKey && e.key.toLowerCase() === 'f') return 'find'
  if (e.key === 'Escape') return 'escape'
  if (e.altKey && e.key === 'ArrowLeft') return 'library'
  if (mod || e.altKey) return null
  switch (e.key) {
    case 'h': return 'highlight'
    case 'n': return 'note'
    case 't': return 'tag'
    case 'y': return 'copy-quote'
    case 'j': return 'line-down'
    case 'k': return 'line-up'
    case ' ': return e.shiftKey ? 'page-up' : 'page-down'
    case 'g': return 'top'
    case 'G': return 'bottom'
    case '[': return 'prev-article'
    case ']': return 'next-article'
    case '/': return 'find'
    case '?': return 'help'
    case 'v': return 'select-mode'
    case 'c': return 'toggle-contents'
    case 'a': return 'toggle-annotations'
    case 'f': return 'typography'
    case 'Backspace': return 'library'
    default:
      return /^[1-6]$/.test(e.key) ? 'highlight-color' : null
  }
}
