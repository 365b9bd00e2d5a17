import { computed, ref, shallowRef, type Ref } from 'vue'
import type { LibraryFilterInput, SelectionInput } from '@shared/api/library'
import type { ArticleSummary } from '@shared/model'

export interface ClickModifiers {
  /** Shift: extend from the last clicked row. */
  range: boolean
}

/**
 * The library's selection, part of the library store: either listed ids, or
 * "all matching the filter" minus the rows the user then deselected — sent to
 * the core as the filter itself, so selecting 50,000 articles costs nothing.
 */
export function useSelection(items: Ref<ArticleSummary[]>, total: Ref<number>) {
  const ids = shallowRef(new Set<string>())
  const allMatching = ref(false)
  const except = shallowRef(new Set<string>())
  let anchor: number | null = null

  const count = computed(() => (allMatching.value ? Math.max(0, total.value - except.value.size) : ids.value.size))

  function has(id: string): boolean {
    return allMatching.value ? !except.value.has(id) : ids.value.has(id)
  }

  function set(id: string, on: boolean) {
    if (allMatching.value) {
      const next = new Set(except.value)
      if (on) next.delete(id)
      else next.add(id)
      except.value = next
    } else {
      const next = new Set(ids.value)
      if (on) next.add(id)
      else next.delete(id)
      ids.value = next
    }
  }

  /** Ctrl/Cmd-click or the row's checkbox toggles one row; Shift-click selects the range from the last one. */
  function click(index: number, mods: ClickModifiers) {
    const row = items.value[index]
    if (!row) return
    if (mods.range && anchor !== null) {
      const [from, to] = anchor < index ? [anchor, index] : [index, anchor]
      for (let i = from; i <= to; i++) if (items.value[i]) set(items.value[i].id, true)
    } else set(row.id, !has(row.id))
    anchor = index
  }

  function selectAllMatching() {
    allMatching.value = true
    except.value = new Set()
    ids.value = new Set()
  }

  function clear() {
    allMatching.value = false
    ids.value = new Set()
    except.value = new Set()
    anchor = null
  }

  /** The selection as the API takes it, or null when nothing is selected. */
  function arg(filter: LibraryFilterInput): SelectionInput | null {
    if (count.value === 0) return null
    return allMatching.value ? { filter, except: [...except.value] } : { ids: [...ids.value] }
  }

  /** Ids of the selected rows among those loaded (for one-article dialogs). */
  function loadedSelected(): ArticleSummary[] {
    return items.value.filter((a) => has(a.id))
  }

  return { count, allMatching, has, click, selectAllMatching, clear, arg, loadedSelected, version: computed(() => [ids.value, except.value, allMatching.value]) }
}
