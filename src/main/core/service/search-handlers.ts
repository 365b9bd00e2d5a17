import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { search } from '../search/run'
import { createSaved, deleteSaved, listSaved, updateSaved } from '../search/saved'

type SearchMethods = 'search.query' | 'search.saved.list' | 'search.saved.create' | 'search.saved.update' | 'search.saved.delete'

export function searchHandlers(lib: Library): Pick<Handlers, SearchMethods> {
  return {
    'search.query': ({ q, limit }) => search(lib, q, limit),
    'search.saved.list': () => listSaved(lib),
    'search.saved.create': ({ name, query }) => createSaved(lib, name, query),
    'search.saved.update': ({ id, ...changes }) => updateSaved(lib, id, changes),
    'search.saved.delete': ({ id }) => deleteSaved(lib, id)
  }
}
