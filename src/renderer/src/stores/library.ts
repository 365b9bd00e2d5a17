import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { ArticleSummary } from '@shared/model'
import { api, onEvent } from '../api/client'

const PAGE_SIZE = 200

/** The article list, loaded page by page with the store's keyset cursor. */
export const useLibraryStore = defineStore('library', () => {
  const items = shallowRef<ArticleSummary[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref<string | null>(null)
  let cursor: string | null = null
  let exhausted = false
  let generation = 0

  async function reload() {
    generation++
    cursor = null
    exhausted = false
    items.value = []
    await loadMore()
  }

  async function loadMore() {
    if (loading.value || exhausted) return
    loading.value = true
    const gen = generation
    try {
      const page = await api('articles.list', { sort: 'added', desc: true, cursor, limit: PAGE_SIZE })
      if (gen !== generation) return
      items.value = [...items.value, ...page.items]
      total.value = page.total
      cursor = page.nextCursor
      exhausted = page.nextCursor === null
      error.value = null
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      loading.value = false
    }
  }

  onEvent('library.changed', () => void reload())

  return { items, total, loading, error, reload, loadMore }
})
