import { randomUUID } from 'node:crypto'
import { ScholiaError } from '../../../shared/errors'
import { defaultFileName, EXTENSION } from '../export/destination'
import { clipboardFor, previewMarkdown } from '../export/preview'
import { runExport } from '../export/run'
import { DEFAULT_TEMPLATE, savedTemplate, saveTemplate } from '../export/template'
import type { Library } from '../library'
import type { HostInfo } from './app-handlers'
import type { Handlers } from './dispatch'

/**
 * Native choosers the desktop shell provides (Electron's dialogs); absent in
 * browser mode, where the user types a path or downloads the file instead.
 */
export interface ExportDialogs {
  /** A folder to export into, or null when the user cancels. */
  chooseFolder(): Promise<string | null>
  /** A file to save as (suggested name given), or null when the user cancels. */
  chooseFile(defaultName: string, extension: string): Promise<string | null>
}

type ExportMethod =
  | 'export.run'
  | 'export.preview'
  | 'export.template'
  | 'export.saveTemplate'
  | 'export.clipboard'
  | 'export.chooseDestination'
  | 'export.cancel'

/** Exports in progress by job id, so the UI can cancel one. */
class ExportJobs {
  private running = new Map<string, AbortController>()

  start(jobId: string): AbortSignal {
    const ctrl = new AbortController()
    this.running.set(jobId, ctrl)
    return ctrl.signal
  }

  finish(jobId: string): void {
    this.running.delete(jobId)
  }

  cancel(jobId: string): void {
    this.running.get(jobId)?.abort()
  }
}

export function exportHandlers(lib: Library, host: HostInfo): Pick<Handlers, ExportMethod> {
  const jobs = new ExportJobs()
  return {
    'export.run': async ({ scope, format, out, template, jobId = randomUUID() }) => {
      const signal = jobs.start(jobId)
      try {
        return await runExport(lib, {
          scope, format, out, template, jobId, signal,
          onProgress: (p) => lib.emit('export.progress', { jobId, ...p })
        })
      } finally {
        jobs.finish(jobId)
      }
    },
    'export.preview': ({ scope, template }) => previewMarkdown(lib, scope, template),
    'export.template': () => ({ template: savedTemplate(lib), defaultTemplate: DEFAULT_TEMPLATE }),
    'export.saveTemplate': ({ template }) => saveTemplate(lib, template),
    'export.clipboard': (what) => clipboardFor(lib, what),
    'export.chooseDestination': async ({ format }) => {
      const dialogs = host.dialogs
      if (!dialogs) throw new ScholiaError('unsupported', 'no native dialog in browser mode — type a folder path, or download the file')
      const path =
        format === 'md' ? await dialogs.chooseFolder() : await dialogs.chooseFile(defaultFileName(format, new Date().toISOString()), EXTENSION[format])
      return { path }
    },
    'export.cancel': ({ jobId }) => jobs.cancel(jobId)
  }
}
