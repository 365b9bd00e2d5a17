import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { countMatching } from '../articles/list'
import { bulkArchive, bulkMarkRead, bulkTag } from '../library/bulk'
import { libraryFacets } from '../library/facets'
import { editMetadata, metadataInfo } from '../library/metadata'
import { deleteArticles, restoreArticles } from '../library/trash'

type LibraryMethods =
  | 'library.tag'
  | 'library.archive'
  | 'library.markRead'
  | 'library.delete'
  | 'library.restore'
  | 'library.editMeta'
  | 'library.metadata'
  | 'library.facets'
  | 'library.count'

/** Runs a change and tells every open view to refresh. */
function changed<T>(lib: Library, reason: string, result: T): T {
  lib.emit('library.changed', { reason })
  return result
}

export function libraryHandlers(lib: Library): Pick<Handlers, LibraryMethods> {
  return {
    'library.tag': ({ selection, add, remove }) => changed(lib, 'tags', bulkTag(lib, selection, add, remove)),
    'library.archive': ({ selection, archived }) => changed(lib, 'archive', bulkArchive(lib, selection, archived)),
    'library.markRead': ({ selection, read }) => changed(lib, 'read', bulkMarkRead(lib, selection, read)),
    'library.delete': ({ selection }) => changed(lib, 'delete', deleteArticles(lib, selection)),
    'library.restore': ({ undoToken }) => changed(lib, 'restore', restoreArticles(lib, undoToken)),
    'library.editMeta': ({ selection, ...changes }) => changed(lib, 'metadata', editMetadata(lib, selection, changes)),
    'library.metadata': ({ id }) => metadataInfo(lib, id),
    'library.facets': () => libraryFacets(lib),
    'library.count': ({ filter }) => countMatching(lib, filter)
  }
}
