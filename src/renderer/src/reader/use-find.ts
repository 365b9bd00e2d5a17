import { ref, shallowRef, watch } from 'vue'
import { findAll, matchFrom } from './find'
import type { Span } from './overlap'
import type { ReaderSession } from './session'

/** Pause after the last keystroke before searching a long book. */
const FIND_DEBOUNCE_MS = 120

/** In-article find: the query, its matches in the article text, and the current one. */
export function useFind(session: () => ReaderSession | null) {
  const open = ref(false)
  const query = ref('')
  const matches = shallowRef<Span[]>([])
  const truncated = ref(false)
  const current = ref(-1)
  let timer: ReturnType<typeof setTimeout> | undefined

  function run() {
    const s = session()
    if (!s) return
    const r = findAll(s.article.text, query.value)
    matches.value = r.matches
    truncated.value = r.truncated
    current.value = matchFrom(r.matches, s.visibleText().top)
    show()
  }

  /**
   * The article's text grew (the rest of a book arrived): the matches are found
   * again in all of it, the current one kept where it was, the view not moved.
   */
  function refresh() {
    const s = session()
    if (!s || !open.value || !query.value.trim()) return
    const at = matches.value[current.value]?.start ?? s.visibleText().top
    const r = findAll(s.article.text, query.value)
    matches.value = r.matches
    truncated.value = r.truncated
    current.value = matchFrom(r.matches, at)
    s.setFind(matches.value, current.value)
  }

  watch(query, () => {
    clearTimeout(timer)
    timer = setTimeout(run, FIND_DEBOUNCE_MS)
  })

  function show() {
    const s = session()
    if (!s) return
    s.setFind(matches.value, current.value)
    const m = matches.value[current.value]
    if (m) void s.scrollToOffset(m.start, 'center')
  }

  function step(by: 1 | -1) {
    const n = matches.value.length
    if (n === 0) return
    current.value = (current.value + by + n) % n
    show()
  }

  function close() {
    open.value = false
    clearTimeout(timer)
    matches.value = []
    current.value = -1
    session()?.setFind([], -1)
  }

  /** Forgets the matches of the previous article. */
  function reset() {
    close()
    query.value = ''
  }

  return { open, query, matches, truncated, current, next: () => step(1), prev: () => step(-1), close, reset, run, refresh }
}
