import { describe, expect, it } from 'vitest'
import { ref, shallowRef } from 'vue'
import type { ArticleSummary } from '@shared/model'
import { exportScope, type ScopeContext } from './export-scope'
import { useSelection } from './library-selection'

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `00000000-0000-4000-8000-00000000000${i}` }) as ArticleSummary)
const base: ScopeContext = { articleId: null, selection: null, filter: { archived: false }, searchShown: null, tag: '' }

describe('export of the current selection', () => {
  it('after "select all matching", leaves out the rows the user then deselected', () => {
    const items = shallowRef(rows(5))
    const sel = useSelection(items, ref(500))
    sel.selectAllMatching()
    sel.click(1, { range: false })
    sel.click(3, { range: false })
    const filter = { archived: false, query: 'ice' }
    const scope = exportScope('selection', { ...base, filter, selection: sel.arg(filter) })
    expect(scope).toEqual({ kind: 'selection', selection: { filter, except: [items.value[1].id, items.value[3].id] } })
    expect(sel.count.value).toBe(498)
  })

  it('exports exactly the rows picked one by one', () => {
    const items = shallowRef(rows(4))
    const sel = useSelection(items, ref(4))
    sel.click(0, { range: false })
    sel.click(2, { range: true })
    expect(exportScope('selection', { ...base, selection: sel.arg(base.filter) })).toEqual({
      kind: 'selection',
      selection: { ids: [items.value[0].id, items.value[1].id, items.value[2].id] }
    })
  })

  it('"current filter or search" exports the search shown, else the library filter', () => {
    expect(exportScope('filter', { ...base, searchShown: 'ледник' })).toEqual({ kind: 'filter', filter: { query: 'ледник' } })
    expect(exportScope('filter', base)).toEqual({ kind: 'filter', filter: { archived: false } })
  })
})
