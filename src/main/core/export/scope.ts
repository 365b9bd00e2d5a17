import type { ExportScopeValue } from '../../../shared/api/export'
import { LibraryFilter, Selection } from '../../../shared/api/library'
import { ScholiaError } from '../../../shared/errors'
import { requireArticle } from '../annotations/article-text'
import type { Library } from '../library'
import { filterWhere } from '../library/filter'
import { selectionWhere } from '../library/selection'
import type { Where } from '../library/where'
import { SUBTREE_SQL, subtreeParams } from '../tags/fold'
import { validateTagPath } from '../tags/path'

/** The conditions (on live articles `a`) naming the scope's articles; the same ones the library list and bulk actions use. */
function scopeWhere(lib: Library, scope: ExportScopeValue): Where {
  switch (scope.kind) {
    case 'article':
      requireArticle(lib, scope.id)
      return selectionWhere(Selection.parse({ ids: [scope.id] }))
    case 'selection':
      return selectionWhere(scope.selection)
    case 'filter':
      return filterWhere(scope.filter)
    case 'tag': {
      const path = validateTagPath(scope.tag)
      const known = lib.db.prepare(`SELECT 1 FROM tags t WHERE ${SUBTREE_SQL} LIMIT 1`).get(...subtreeParams(path))
      if (!known) throw new ScholiaError('not_found', `no tag "${path}" — list tags with 'scholia tag --list'`)
      return filterWhere(LibraryFilter.parse({ tagsAll: [path] }))
    }
    case 'all':
      return filterWhere(LibraryFilter.parse({}))
  }
}

/**
 * Rowids of the articles an export covers, in the order they are written: by
 * title (case-insensitively), then by when they were stored. A list of integers
 * even for the whole library, so the export can then read the articles batch by
 * batch.
 */
export function resolveScope(lib: Library, scope: ExportScopeValue): number[] {
  const w = scopeWhere(lib, scope)
  return lib.db
    .prepare(`SELECT a.rowid FROM articles a WHERE ${w.sql} ORDER BY a.title COLLATE NOCASE, a.rowid`)
    .pluck()
    .all(...w.params) as number[]
}
