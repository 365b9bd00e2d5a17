import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnnotationSpans } from '@shared/api/reading'
import type { Annotation, Color } from '@shared/model'
import type { PaintSpan } from '../reader/session'
import { api } from '../api/client'
import { byReadingOrder, withInserted } from './reading-order'
import { useReaderStore } from './reader'
import { useUiStore } from './ui'

const PENDING_PREFIX = 'pending-'

export interface NewHighlight {
  start: number
  end: number
  exact: string
  color: Color
  note?: string
  tags?: string[]
}

function fromColumns(c: AnnotationSpans): PaintSpan[] {
  const out: PaintSpan[] = new Array(c.ids.length)
  for (let i = 0; i < out.length; i++) out[i] = { id: c.ids[i], start: c.starts[i], end: c.ends[i], color: c.colors[i] }
  return out
}

export type AnnotationPatch = Partial<Pick<Annotation, 'color' | 'note' | 'tags'>> & { range?: { start: number; end: number } }

/**
 * The open article's annotations. Changes show at once (optimistically) and are
 * saved through the API straight away; a refused change is rolled back with the
 * core's message.
 */
export const useAnnotationsStore = defineStore('annotations', () => {
  const articleId = ref<string | null>(null)
  /** Every annotation of the article, in reading order (orphans included, flagged). */
  const items = shallowRef<Annotation[]>([])
  const loading = ref(false)
  /**
   * The placed highlights to paint while `items` is being fetched (a book's
   * thousands take a while longer than what painting needs); null once it is.
   */
  const spans = shallowRef<readonly PaintSpan[] | null>(null)
  const error = ref<string | null>(null)
  /** The last deleted annotation, for Undo. */
  const lastDeleted = shallowRef<Annotation | null>(null)
  /** Side-panel filters: colours shown (empty: all) and one tag (null: any). */
  const colorFilter = ref<Color[]>([])
  const tagFilter = ref<string | null>(null)
  let pendingSeq = 0
  let generation = 0
  /** Settles once the list `load` asked for is in `items` (or failed to come). */
  let listed: Promise<void> = Promise.resolve()

  const placed = computed(() => items.value.filter((a) => !a.orphaned))
  const orphans = computed(() => items.value.filter((a) => a.orphaned))
  const allTags = computed(() => [...new Set(items.value.flatMap((a) => a.tags))].sort((a, b) => a.localeCompare(b)))
  const filtered = computed(() =>
    placed.value.filter(
      (a) =>
        (colorFilter.value.length === 0 || colorFilter.value.includes(a.color)) &&
        (tagFilter.value === null || a.tags.includes(tagFilter.value))
    )
  )

  /** What the reader paints: the spans until the full list is in, with any highlight made meanwhile. */
  const paintable = computed<readonly PaintSpan[]>(() => (spans.value ? [...spans.value, ...items.value] : items.value))

  const isPending = (a: Annotation) => a.id.startsWith(PENDING_PREFIX)

  /**
   * Loads an article's annotations: resolves once what the reader paints is known
   * (`paintable`); the full list (`items`) follows.
   */
  async function load(id: string): Promise<void> {
    const gen = ++generation
    articleId.value = id
    items.value = []
    spans.value = null
    lastDeleted.value = null
    loading.value = true
    const failed = (e: unknown) => {
      if (gen !== generation) return
      spans.value = null
      error.value = (e as Error).message
      loading.value = false
    }
    let settle!: () => void
    listed = new Promise((r) => (settle = r))
    try {
      const columns = await api('annotations.spans', { articleId: id })
      performance.mark('reader:annotations-received')
      if (gen !== generation) return settle()
      spans.value = fromColumns(columns)
    } catch (e) {
      failed(e)
      return settle()
    }
    void loadList(id, gen).catch(failed).finally(settle)
  }

  /** Resolves once the full list of the article being loaded is in `items` (at once if it is). */
  const whenListed = (): Promise<void> => listed

  async function loadList(id: string, gen: number): Promise<void> {
    const list = await api('annotations.list', { articleId: id })
    performance.mark('reader:annotations-listed')
    if (gen !== generation) return
    // The core answers in reading order already; sort only if it ever does not.
    const sorted = list.every((a, i) => i === 0 || byReadingOrder(list[i - 1], a) <= 0)
    // Highlights made while the list was on its way stay (it may predate them).
    const made = items.value
    items.value = sorted ? list : list.slice().sort(byReadingOrder)
    for (const a of made) if (!items.value.some((x) => x.id === a.id)) put(a)
    spans.value = null
    error.value = null
    loading.value = false
  }

  /** Adds or replaces one annotation, keeping reading order (binary insertion: books hold thousands). */
  function put(a: Annotation, replacing?: string) {
    const rest = items.value.filter((x) => x.id !== a.id && x.id !== replacing)
    let lo = 0
    let hi = rest.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (byReadingOrder(rest[mid], a) <= 0) lo = mid + 1
      else hi = mid
    }
    rest.splice(lo, 0, a)
    items.value = rest
  }

  function drop(id: string) {
    items.value = items.value.filter((x) => x.id !== id)
  }

  function fail(e: unknown, what: string) {
    useUiStore().notify(`${what}: ${(e as Error).message}`, 'error')
  }

  /** Highlights a range; it is painted at once and replaced by the stored one when the core answers. */
  async function create(h: NewHighlight): Promise<Annotation | null> {
    const id = articleId.value
    if (!id) return null
    const now = new Date().toISOString()
    const temp: Annotation = {
      id: `${PENDING_PREFIX}${++pendingSeq}`, articleId: id, start: h.start, end: h.end, exact: h.exact, prefix: '', suffix: '',
      color: h.color, note: h.note ?? '', tags: h.tags ?? [], creator: null, createdAt: now, updatedAt: now, orphaned: false
    }
    // The fast path: no scan of the thousands already there (this is on the way to the paint).
    items.value = withInserted(items.value, temp) ?? items.value
    try {
      const saved = await api('annotations.create', { articleId: id, start: h.start, end: h.end, color: h.color, note: h.note ?? '', tags: h.tags ?? [] })
      if (articleId.value === id) {
        const next = withInserted(items.value, saved, temp)
        if (next) items.value = next
        else put(saved, temp.id)
      }
      return saved
    } catch (e) {
      drop(temp.id)
      fail(e, 'Highlight not saved')
      return null
    }
  }

  async function update(id: string, patch: AnnotationPatch): Promise<Annotation | null> {
    const before = items.value.find((a) => a.id === id)
    if (!before || isPending(before)) return null
    const { range, ...fields } = patch
    put({ ...before, ...fields, ...(range ? { start: range.start, end: range.end, orphaned: false } : {}) })
    try {
      const saved = await api('annotations.update', { id, ...patch })
      put(saved)
      return saved
    } catch (e) {
      put(before)
      fail(e, 'Change not saved')
      return null
    }
  }

  async function remove(id: string) {
    const before = items.value.find((a) => a.id === id)
    if (!before || isPending(before)) return
    drop(id)
    try {
      await api('annotations.delete', { id })
      lastDeleted.value = before
    } catch (e) {
      put(before)
      fail(e, 'Highlight not deleted')
    }
  }

  /** Undoes the last delete. */
  async function undoDelete() {
    const a = lastDeleted.value
    if (!a) return
    lastDeleted.value = null
    try {
      const restored = await api('annotations.restore', { id: a.id })
      if (articleId.value === restored.articleId) put(restored)
    } catch (e) {
      fail(e, 'Could not undo')
    }
  }

  async function setArticleNote(note: string): Promise<boolean> {
    const reader = useReaderStore()
    const article = reader.article
    if (!article) return false
    const before = article.note
    reader.setNoteLocally(note)
    try {
      await api('articles.setNote', { id: article.id, note })
      return true
    } catch (e) {
      reader.setNoteLocally(before)
      fail(e, 'Article note not saved')
      return false
    }
  }

  function toggleColor(c: Color) {
    colorFilter.value = colorFilter.value.includes(c) ? colorFilter.value.filter((x) => x !== c) : [...colorFilter.value, c]
  }

  return {
    articleId, items, spans, paintable, placed, orphans, filtered, allTags, loading, error, lastDeleted, colorFilter, tagFilter,
    isPending, load, whenListed, create, update, remove, undoDelete, setArticleNote, toggleColor
  }
})
