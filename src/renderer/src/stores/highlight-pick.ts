import { defineStore } from 'pinia'
import { computed, shallowRef, watch } from 'vue'
import type { Annotation } from '@shared/model'
import { useAnnotationsStore } from './annotations'
import { useExportStore } from './export'

/** A stored annotation's id; one still being saved has a temporary id the core does not know yet. */
const STORED_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Highlights picked in the reader's side panel to copy as Markdown: a click
 * (or Space) on a row's checkbox toggles it, Shift extends from the last one
 * toggled. Emptied when another article opens.
 */
export const useHighlightPickStore = defineStore('highlightPick', () => {
  const picked = shallowRef(new Set<string>())
  let anchor: number | null = null
  const annotations = useAnnotationsStore()

  const count = computed(() => picked.value.size)
  /** Re-evaluated whenever the picks change, so checkboxes re-render. */
  const isPicked = computed(() => {
    const set = picked.value
    return (id: string) => set.has(id)
  })

  /** Toggles the row at `index` of the list shown; with `range`, sets every row from the last toggled one to this one like it. */
  function toggle(list: readonly Annotation[], index: number, range: boolean) {
    const row = list[index]
    if (!row) return
    const next = new Set(picked.value)
    const on = !next.has(row.id)
    if (range && anchor !== null) {
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor]
      for (let i = from; i <= to; i++) if (list[i]) next.add(list[i].id)
    } else if (on) next.add(row.id)
    else next.delete(row.id)
    anchor = index
    picked.value = next
  }

  function pickAll(list: readonly Annotation[]) {
    picked.value = new Set(list.map((a) => a.id))
  }

  function clear() {
    picked.value = new Set()
    anchor = null
  }

  /** Copies the picked highlights (those still there) as Markdown quotes with their notes. */
  async function copy() {
    const live = new Set(annotations.items.map((a) => a.id))
    const ids = [...picked.value].filter((id) => live.has(id) && STORED_ID.test(id))
    if (ids.length) await useExportStore().copyMarkdown(ids)
  }

  watch(() => annotations.articleId, clear)

  return { count, isPicked, toggle, pickAll, clear, copy }
})
