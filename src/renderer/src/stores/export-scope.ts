import type { ExportScopeInput } from '@shared/api/export'
import type { LibraryFilterInput, SelectionInput } from '@shared/api/library'

export type ScopeKind = 'article' | 'selection' | 'filter' | 'tag' | 'all'

/** What the export dialog knows when it builds the scope it sends. */
export interface ScopeContext {
  articleId: string | null
  /** The library selection as the API takes it (ids, or "all matching" minus the rows deselected since); null when empty. */
  selection: SelectionInput | null
  filter: LibraryFilterInput
  /** The search the library shows, if any: "current filter or search" exports its hits. */
  searchShown: string | null
  tag: string
}

/**
 * The export scope for the dialog's choice. The selection is sent as the
 * library store holds it, so "select all matching" keeps its exceptions: a
 * row deselected after "select all" is not exported.
 */
export function exportScope(kind: ScopeKind, ctx: ScopeContext): ExportScopeInput {
  switch (kind) {
    case 'article':
      return { kind: 'article', id: ctx.articleId ?? '' }
    case 'selection':
      // An empty selection is sent as such: the core answers "select at least one article".
      return { kind: 'selection', selection: ctx.selection ?? { ids: [] } }
    case 'filter':
      return { kind: 'filter', filter: ctx.searchShown ? { query: ctx.searchShown } : ctx.filter }
    case 'tag':
      return { kind: 'tag', tag: ctx.tag }
    default:
      return { kind: 'all' }
  }
}
