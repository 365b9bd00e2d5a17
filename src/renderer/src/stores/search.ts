import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { SavedSearch, SearchHit } from '@shared/api/search'
import { api } from '../api/client'
import { useLibraryStore } from './library'
import { useUiStore } from './ui'

const PAGE = 30

/** The search box, its ranked results, and saved searches (the sidebar's smart collections). */
export const useSearchStore = defineStore('search', () => {
  const query = ref('')
  /** The query the results are for; null when the results pane is closed. */
  const shown = ref<string | null>(null)
  const hits = shallowRef<SearchHit[]>([])
  const more = ref(false)
  /** The words were too common to rank every match: hits come from the most recent matches. */
  const windowed = ref(false)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const saved = shallowRef<SavedSearch[]>([])
  let generation = 0

  async function run(q = query.value, limit = PAGE) {
    query.value = q
    if (!q.trim()) return close()
    const gen = ++generation
    shown.value = q
    loading.value = true
    try {
      const r = await api('search.query', { q, limit })
      if (gen !== generation) return
      hits.value = r.hits
      more.value = r.more
      windowed.value = r.windowed
      error.value = null
    } catch (e) {
      if (gen !== generation) return
      hits.value = []
      more.value = false
      error.value = (e as Error).message
    } finally {
      if (gen === generation) loading.value = false
    }
  }

  /** Ranked search has no cursor: more results re-run it with a larger limit (up to the API's cap). */
  const showMore = () => (shown.value ? run(shown.value, Math.min(200, hits.value.length + PAGE)) : undefined)

  function close() {
    generation++
    shown.value = null
    hits.value = []
    error.value = null
  }

  /** Opens a hit: the article, scrolled to the highlight when the hit is one. */
  function open(hit: SearchHit) {
    useUiStore().openArticle(hit.articleId, hit.annotationId)
  }

  async function loadSaved() {
    try {
      saved.value = await api('search.saved.list', {})
    } catch (e) {
      useUiStore().notify((e as Error).message, 'error')
    }
  }

  async function save(name: string, q = shown.value ?? query.value): Promise<SavedSearch | null> {
    try {
      const s = await api('search.saved.create', { name, query: q })
      await loadSaved()
      useUiStore().notify(`Saved search “${s.name}”`)
      return s
    } catch (e) {
      useUiStore().notify((e as Error).message, 'error')
      return null
    }
  }

  async function remove(s: SavedSearch) {
    try {
      await api('search.saved.delete', { id: s.id })
      await loadSaved()
      useLibraryStore().lastUndo = {
        text: `Deleted saved search “${s.name}”`,
        undo: async () => {
          await api('search.saved.create', { name: s.name, query: s.query })
          await loadSaved()
        }
      }
    } catch (e) {
      useUiStore().notify((e as Error).message, 'error')
    }
  }

  /** A saved search as a smart collection: the library list filtered by its query. */
  function openCollection(s: SavedSearch) {
    close()
    useLibraryStore().setFilter({ query: s.query }, `saved:${s.id}`)
    useUiStore().showLibrary()
  }

  return { query, shown, hits, more, windowed, loading, error, saved, run, showMore, close, open, loadSaved, save, remove, openCollection }
})
