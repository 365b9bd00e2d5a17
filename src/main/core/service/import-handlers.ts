import { randomUUID } from 'node:crypto'
import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { importItems, type ImportItem } from '../import/pipeline'
import { itemsFromContent, itemsFromPaths, urlItem } from '../import/items'
import { throttleProgress } from '../import/progress'
import type { ImportReport } from '../../../shared/model'
import { MAX_REPORTED_FAILURES } from '../../../shared/api/imports'

/** Running imports by job id, so the UI can cancel one. */
export class ImportJobs {
  private running = new Map<string, AbortController>()

  async run(lib: Library, items: ImportItem[], tags: string[], jobId: string = randomUUID()): Promise<ImportReport> {
    const ctrl = new AbortController()
    this.running.set(jobId, ctrl)
    try {
      const report = await importItems(lib, items, {
        tags,
        jobId,
        signal: ctrl.signal,
        onProgress: throttleProgress((p) => lib.emit('import.progress', { jobId, ...p }))
      })
      lib.emit('library.changed', { reason: 'import' })
      const failures = report.outcomes.filter((o) => 'error' in o)
      lib.emit('import.done', {
        jobId,
        imported: report.outcomes.length - failures.length,
        failures: failures.slice(0, MAX_REPORTED_FAILURES),
        cancelled: report.cancelled
      })
      return report
    } finally {
      this.running.delete(jobId)
    }
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort()
  }
}

export function importHandlers(
  lib: Library,
  jobs: ImportJobs
): Pick<Handlers, 'import.paths' | 'import.content' | 'import.url' | 'import.cancel'> {
  return {
    'import.paths': async ({ paths, tags, jobId }) => jobs.run(lib, await itemsFromPaths(paths), tags, jobId),
    'import.content': ({ files, tags, jobId }) => jobs.run(lib, itemsFromContent(files), tags, jobId),
    'import.url': ({ url, tags, jobId }) => jobs.run(lib, [urlItem(url)], tags, jobId),
    'import.cancel': ({ jobId }) => jobs.cancel(jobId)
  }
}
