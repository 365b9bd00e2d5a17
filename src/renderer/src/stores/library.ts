import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { SORTS } from '@shared/api/articles'
import type { Facets, LibraryFilterInput, SelectionInput } from '@shared/api/library'
import type { ArticleSummary } from '@shared/model'
import { api, onEvent } from '../api/client'
import { useSelection, type ClickModifiers } from './library-selection'
import { useUiStore } from './ui'

const PAGE_SIZE = 200

export type Sort = (typeof SORTS)[number]

/** What the library shows when nothing is chosen: everything but the archive. */
export function defaultFilter(): LibraryFilterInput {
  return { archived: false }
}

/** An action the user can take back from the undo bar. */
export interface Undoable {
  text: string
  undo: () => Promise<void>
}

/**
 * The article list: filter and sort, pages loaded by keyset cursor, the
 * selection (ids, or "all matching" minus exceptions), and the bulk actions on it.
 */
export const useLibraryStore = defineStore('library', () => {
  const filter = ref<LibraryFilterInput>(defaultFilter())
  /** Sidebar entry the filter came from (a tag path, a saved search id), for highlighting it. */
  const source = ref<string | null>(null)
  const sort = ref<Sort>('added')
  const desc = ref(true)
  const items = shallowRef<ArticleSummary[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const facets = ref<Facets>({ formats: [], sites: [] })
  const lastUndo = ref<Undoable | null>(null)
  const selection = useSelection(items, total)
  let cursor: string | null = null
  let exhausted = false
  let generation = 0

  async function reload(keepSelection = false) {
    generation++
    cursor = null
    exhausted = false
    loading.value = false
    if (!keepSelection) selection.clear()
    await loadMore(true)
  }

  async function loadMore(replace = false) {
    if (loading.value || (exhausted && !replace)) return
    loading.value = true
    const gen = generation
    try {
      // The page first, the count after: at 100,000 articles counting can take longer than the page.
      const page = await api('articles.list', { sort: sort.value, desc: desc.value, cursor, limit: PAGE_SIZE, filter: filter.value, count: false })
      if (gen !== generation) return
      items.value = replace ? page.items : [...items.value, ...page.items]
      cursor = page.nextCursor
      exhausted = page.nextCursor === null
      error.value = null
      if (replace) void countMatches(gen)
    } catch (e) {
      if (gen === generation) {
        error.value = (e as Error).message
        if (replace) items.value = []
      }
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  async function countMatches(gen: number) {
    try {
      const n = await api('library.count', { filter: filter.value })
      if (gen === generation) total.value = n
    } catch {
      /* the page request reports errors; a missing count keeps the last one */
    }
  }

  /** Replaces the filter (from the sidebar or the filter bar) and reloads. */
  function setFilter(f: LibraryFilterInput, from: string | null = null) {
    filter.value = f
    source.value = from
  }

  function patchFilter(p: Partial<LibraryFilterInput>) {
    setFilter({ ...filter.value, ...p }, source.value)
  }

  watch([filter, sort, desc], () => void reload(), { deep: true })

  async function loadFacets() {
    facets.value = await api('library.facets', {})
  }

  /** Runs a bulk call on the selection, reports it, and refreshes the list keeping the selection. */
  async function bulk<T>(run: (sel: SelectionInput) => Promise<T>, message: (r: T) => string): Promise<T | null> {
    const ui = useUiStore()
    const sel = selection.arg(filter.value)
    if (!sel) return null
    try {
      const r = await run(sel)
      ui.notify(message(r))
      await reload(true)
      return r
    } catch (e) {
      ui.notify((e as Error).message, 'error')
      return null
    }
  }

  const plural = (n: number) => `${n} article${n === 1 ? '' : 's'}`

  const tagSelected = (add: string[], remove: string[]) =>
    bulk(
      (selection) => api('library.tag', { selection, add, remove }),
      (r) => `${add.length ? `Tagged ${plural(r.matched)} with ${add.join(', ')}` : `Removed ${remove.join(', ')} from ${plural(r.matched)}`}`
    )
  const archiveSelected = (archived = true) =>
    bulk((selection) => api('library.archive', { selection, archived }), (r) => `${archived ? 'Archived' : 'Unarchived'} ${plural(r.changed)}`)
  const markSelectedRead = (read = true) =>
    bulk((selection) => api('library.markRead', { selection, read }), (r) => `Marked ${plural(r.changed)} ${read ? 'read' : 'unread'}`)

  async function deleteSelected() {
    const r = await bulk((selection) => api('library.delete', { selection }), (r) => `Moved ${plural(r.deleted)} to the trash`)
    if (!r) return
    selection.clear()
    lastUndo.value = {
      text: `Deleted ${plural(r.deleted)}`,
      undo: async () => {
        await api('library.restore', { undoToken: r.undoToken })
        await reload()
      }
    }
  }

  async function editSelected(changes: { title?: string; author?: string | null; published?: string | null; source?: string | null }) {
    return bulk((selection) => api('library.editMeta', { selection, ...changes }), (r) => `Updated ${plural(r.changed)}`)
  }

  async function undo() {
    const u = lastUndo.value
    lastUndo.value = null
    if (!u) return
    try {
      await u.undo()
      useUiStore().notify(`Undone: ${u.text.toLowerCase()}`)
    } catch (e) {
      useUiStore().notify((e as Error).message, 'error')
    }
  }

  /** Any change elsewhere (import, another window, the CLI through the app) refreshes the list in place. */
  onEvent('library.changed', () => void reload(true))

  const selectedCount = computed(() => selection.count.value)
  const allMatching = computed(() => selection.allMatching.value)
  /** Re-evaluated whenever the selection changes, so rows re-render their checkbox. */
  const isSelected = computed(() => {
    void selection.version.value
    return (id: string) => selection.has(id)
  })

  return {
    filter,
    source,
    sort,
    desc,
    items,
    total,
    loading,
    error,
    facets,
    lastUndo,
    selectedCount,
    allMatching,
    isSelected,
    clickRow: (index: number, mods: ClickModifiers) => selection.click(index, mods),
    selectAllMatching: () => selection.selectAllMatching(),
    clearSelection: () => selection.clear(),
    selectedLoaded: () => selection.loadedSelected(),
    /** The selection as the API takes it ("all matching" keeps its exceptions); null when empty. */
    selectionArg: () => selection.arg(filter.value),
    reload,
    loadMore,
    setFilter,
    patchFilter,
    loadFacets,
    tagSelected,
    archiveSelected,
    markSelectedRead,
    deleteSelected,
    editSelected,
    undo
  }
})
