import { z } from 'zod'
import type { ImportOutcome, ImportProgress, ImportReport } from '../model'
import { event, method } from './define'
import { MAX_IMPORT_BYTES } from '../import-limits'

export { MAX_IMPORT_BYTES }

const Tag = z.string().trim().min(1).max(200)

export const importMethods = {
  /** Files or folders on the machine running the core (native dialog, CLI, drag-and-drop in Electron). */
  'import.paths': method<ImportReport>()(
    z
      .object({
        paths: z.array(z.string().min(1).max(4_096)).min(1).max(100_000),
        tags: z.array(Tag).max(50).default([]),
        jobId: z.string().max(100).optional()
      })
      .strict()
  ),
  /** File contents sent by the UI (browser-mode drops and uploads, pasted text or HTML). */
  'import.content': method<ImportReport>()(
    z
      .object({
        files: z
          .array(
            z
              .object({
                name: z.string().min(1).max(1_000),
                /** base64 of the file's bytes */
                base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4)
              })
              .strict()
          )
          .min(1)
          .max(1_000),
        tags: z.array(Tag).max(50).default([]),
        jobId: z.string().max(100).optional()
      })
      .strict()
  ),
  /** A page, PDF, EPUB or text file on the web, fetched by the core (the renderer never touches the network). */
  'import.url': method<ImportReport>()(
    z
      .object({
        url: z.string().trim().min(1).max(8_192).regex(/^https?:\/\//i, 'must be a web address starting with http:// or https://'),
        tags: z.array(Tag).max(50).default([]),
        jobId: z.string().max(100).optional()
      })
      .strict()
  ),
  'import.cancel': method<void>()(z.object({ jobId: z.string().min(1).max(100) }).strict())
}

/** Most failures an import.done event carries; the CLI and the method's own result have them all. */
export const MAX_REPORTED_FAILURES = 1_000

/** The end of an import job, for every window (also imports started from the native menu). */
export interface ImportDone {
  jobId: string
  /** Articles created, updated or found already in the library. */
  imported: number
  /** Failed files with their one-line reasons (at most MAX_REPORTED_FAILURES). */
  failures: ImportOutcome[]
  cancelled: boolean
}

export const importEvents = {
  'import.progress': event<ImportProgress>(),
  'import.done': event<ImportDone>()
}
