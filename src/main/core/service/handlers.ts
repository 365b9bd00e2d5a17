import type { Library } from '../library'
import type { Handlers } from './dispatch'
import { appHandlers, type HostInfo } from './app-handlers'
import { annotationHandlers } from './annotation-handlers'
import { articleHandlers } from './article-handlers'
import { exportHandlers } from './export-handlers'
import { ImportJobs, importHandlers } from './import-handlers'
import { libraryHandlers } from './library-handlers'
import { readingHandlers } from './reading-handlers'
import { searchHandlers } from './search-handlers'
import { shareHandlers } from './share-handlers'
import { tagHandlers } from './tag-handlers'

/** Every API method bound to one open library. */
export function createHandlers(lib: Library, host: HostInfo): Handlers {
  const jobs = new ImportJobs()
  return {
    ...appHandlers(lib, host),
    ...articleHandlers(lib),
    ...readingHandlers(lib),
    ...annotationHandlers(lib),
    ...importHandlers(lib, jobs),
    ...libraryHandlers(lib),
    ...tagHandlers(lib),
    ...searchHandlers(lib),
    ...exportHandlers(lib, host),
    ...shareHandlers(lib)
  }
}
