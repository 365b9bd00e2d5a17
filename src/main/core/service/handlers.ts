import type { Library } from '../library'
import type { Handlers } from './dispatch'
import { appHandlers, type HostInfo } from './app-handlers'
import { annotationHandlers } from './annotation-handlers'
import { articleHandlers } from './article-handlers'
import { ImportJobs, importHandlers } from './import-handlers'

/** Every API method bound to one open library. */
export function createHandlers(lib: Library, host: HostInfo): Handlers {
  const jobs = new ImportJobs()
  return {
    ...appHandlers(lib, host),
    ...articleHandlers(lib),
    ...annotationHandlers(lib),
    ...importHandlers(lib, jobs)
  }
}
