import { z } from 'zod'
import { Id, event, method, NoArgs } from './define'
import { LibraryFilter, Selection } from './library'

/** The formats notes leave the app in. */
export const EXPORT_FORMATS = ['md', 'jsonld', 'csv', 'html', 'bundle'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Longest Markdown template accepted (a template is a page of text, not a book). */
export const MAX_TEMPLATE_CHARS = 100_000
/** Most annotations one clipboard copy takes; beyond that, export to a file. */
export const MAX_CLIPBOARD_ANNOTATIONS = 10_000

const TagRef = z.string().trim().min(1, 'tag is empty').max(1_000)

/**
 * Which articles an export covers: one article, the library selection (ids or
 * "all matching" minus exceptions), the current filter or search (a library
 * filter; a search is its `query`), a tag (children included), or everything.
 */
export const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('article'), id: Id }).strict(),
  z.object({ kind: z.literal('selection'), selection: Selection }).strict(),
  z.object({ kind: z.literal('filter'), filter: LibraryFilter.prefault({}) }).strict(),
  z.object({ kind: z.literal('tag'), tag: TagRef }).strict(),
  z.object({ kind: z.literal('all') }).strict()
])
export type ExportScopeInput = z.input<typeof ExportScope>
export type ExportScopeValue = z.output<typeof ExportScope>

/** A file handed back to the UI to save through the browser (browser mode, or no folder chosen). */
export interface ExportDownload {
  name: string
  mime: string
  base64: string
}

export interface ExportResult {
  jobId: string
  format: ExportFormat
  articles: number
  /** Live annotations written (tombstones carried for merging are not counted). */
  annotations: number
  /** The file or folder written on the machine running the core; null for a download. */
  path: string | null
  /** Files written (Markdown writes one per article). */
  files: number
  download: ExportDownload | null
}

export interface ExportPreview {
  /** Title of the article the preview shows (the first of the scope). */
  title: string
  fileName: string
  markdown: string
  /** Articles in the scope. */
  articles: number
}

export interface ExportProgress {
  jobId: string
  done: number
  total: number
  current: string | null
}

const Out = z.string().trim().min(1, 'give a folder or file path').max(4_096)
const Template = z.string().max(MAX_TEMPLATE_CHARS, `template is longer than ${MAX_TEMPLATE_CHARS} characters — shorten it`)

export const exportMethods = {
  /**
   * Exports the scope's notes. With `out`, writes on the machine running the
   * core (a folder, or a file path for single-file formats) through a temp file
   * renamed into place; without it, returns the file for the UI to download
   * (Markdown of several articles comes as a zip).
   */
  'export.run': method<ExportResult>()(
    z
      .object({
        scope: ExportScope,
        format: z.enum(EXPORT_FORMATS),
        out: Out.optional(),
        template: Template.optional(),
        jobId: z.string().max(100).optional()
      })
      .strict()
  ),
  /** The Markdown the template makes for the first article of the scope (null: the scope is empty). */
  'export.preview': method<ExportPreview | null>()(z.object({ scope: ExportScope, template: Template.optional() }).strict()),
  /** The user's saved Markdown template (or the default) and the default itself. */
  'export.template': method<{ template: string; defaultTemplate: string }>()(NoArgs),
  /** Saves the Markdown template after checking that it parses. */
  'export.saveTemplate': method<void>()(z.object({ template: Template }).strict()),
  /** Annotations as Markdown for the clipboard: listed ids, or every live one in a scope. */
  'export.clipboard': method<{ markdown: string; count: number }>()(
    z
      .object({
        annotationIds: z.array(Id).min(1, 'choose at least one annotation').max(MAX_CLIPBOARD_ANNOTATIONS).optional(),
        scope: ExportScope.optional()
      })
      .strict()
      .refine((v) => (v.annotationIds ? 1 : 0) + (v.scope ? 1 : 0) === 1, 'give annotationIds or a scope')
  ),
  /** Electron only: a native dialog to choose where to export (null: cancelled). */
  'export.chooseDestination': method<{ path: string | null }>()(z.object({ format: z.enum(EXPORT_FORMATS) }).strict()),
  'export.cancel': method<void>()(z.object({ jobId: z.string().min(1).max(100) }).strict())
}

export const exportEvents = {
  'export.progress': event<ExportProgress>()
}
