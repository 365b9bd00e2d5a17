import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { TagNode } from '@shared/api/tags'
import { api, onEvent } from '../api/client'
import { useLibraryStore } from './library'
import { useUiStore } from './ui'

/** The tag pane: the tree with counts, and renaming, merging and deleting tags (with undo). */
export const useTagsStore = defineStore('tags', () => {
  const tree = shallowRef<TagNode[]>([])
  const error = ref<string | null>(null)
  let pending: Promise<void> | null = null

  async function load() {
    // Events come in bursts (a bulk tag emits once per call); one reload at a time is enough.
    if (pending) return pending
    pending = api('tags.tree', {})
      .then((t) => {
        tree.value = t
        error.value = null
      })
      .catch((e: Error) => {
        error.value = e.message
      })
      .finally(() => {
        pending = null
      })
    return pending
  }

  async function run<T>(call: () => Promise<T>, done: (r: T) => string): Promise<T | null> {
    const ui = useUiStore()
    try {
      const r = await call()
      ui.notify(done(r))
      await load()
      return r
    } catch (e) {
      ui.notify((e as Error).message, 'error')
      return null
    }
  }

  const create = (path: string) => run(() => api('tags.create', { path }), (n) => `Created tag ${n.path}`)

  async function rename(from: string, to: string) {
    const r = await run(() => api('tags.rename', { from, to }), (r) => `Renamed ${from} to ${to}${r.renamed > 1 ? ` (with ${r.renamed - 1} children)` : ''}`)
    if (r)
      useLibraryStore().lastUndo = {
        text: `Renamed ${from} to ${to}`,
        undo: async () => {
          await api('tags.rename', { from: to, to: from })
          await load()
        }
      }
    return r
  }

  const merge = (from: string, into: string) => run(() => api('tags.merge', { from, into }), () => `Merged ${from} into ${into}`)

  async function remove(path: string) {
    const r = await run(
      () => api('tags.delete', { path }),
      (r) => `Deleted ${path}: removed from ${r.articles} article(s) and ${r.annotations} annotation(s)`
    )
    if (r)
      useLibraryStore().lastUndo = {
        text: `Deleted tag ${path}`,
        undo: async () => {
          await api('tags.restore', { undoToken: r.undoToken })
          await load()
        }
      }
    return r
  }

  /** Tag paths for autocomplete. */
  async function suggest(prefix: string): Promise<string[]> {
    try {
      return await api('tags.suggest', { prefix, limit: 12 })
    } catch {
      return []
    }
  }

  onEvent('library.changed', () => void load())

  return { tree, error, load, create, rename, merge, remove, suggest }
})
