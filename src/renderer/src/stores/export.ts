import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ExportDownload, ExportFormat, ExportPreview, ExportProgress, ExportResult, ExportScopeInput } from '@shared/api/export'
import { api, onEvent } from '../api/client'
import { exportScope, type ScopeKind } from './export-scope'
import { useLibraryStore } from './library'
import { useSearchStore } from './search'
import { useUiStore } from './ui'

export type { ScopeKind }
export type Destination = 'download' | 'folder'

export const FORMAT_LABELS: Record<ExportFormat, string> = {
  md: 'Markdown (a file per article, for Obsidian or Logseq)',
  jsonld: 'Web Annotation JSON-LD (for a teammate or another tool)',
  csv: 'CSV (a spreadsheet, one row per highlight)',
  html: 'HTML (one printable page)',
  bundle: 'Scholia bundle (.scholia: the articles too, for a teammate)'
}

/** Saves a file the core returned, through the browser's download. */
function saveDownload(d: ExportDownload) {
  const bytes = Uint8Array.from(atob(d.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: d.mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = d.name
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/**
 * The export dialog: what to export (scope), in which format, where to (a
 * download, or a folder on the machine running the core), the Markdown
 * template and its preview, progress, and copying notes as Markdown.
 */
export const useExportStore = defineStore('export', () => {
  const open = ref(false)
  const mode = ref<'electron' | 'browser'>('browser')
  const articleId = ref<string | null>(null)
  const articleTitle = ref<string | null>(null)
  const scopeKind = ref<ScopeKind>('all')
  const tag = ref('')
  const format = ref<ExportFormat>('md')
  const destination = ref<Destination>('download')
  const outPath = ref('')
  const template = ref('')
  const defaultTemplate = ref('')
  const preview = ref<ExportPreview | null>(null)
  const previewError = ref<string | null>(null)
  const progress = ref<ExportProgress | null>(null)
  const running = ref(false)
  const result = ref<ExportResult | null>(null)
  const error = ref<string | null>(null)
  let jobId: string | null = null

  const library = useLibraryStore()
  const search = useSearchStore()

  /** The search shown, else the library's filter: what "current filter or search" exports. */
  const filterLabel = computed(() => (search.shown ? `Search “${search.shown}”` : 'The articles the library shows now'))

  onEvent('export.progress', (p) => {
    if (p.jobId === jobId) progress.value = p
  })
  onEvent('app.command', ({ command }) => {
    if (command === 'export') void show()
  })

  /** Opens the dialog for one article (the reader) or for the library, picking the narrowest scope in use. */
  async function show(context: { articleId?: string; title?: string } = {}) {
    articleId.value = context.articleId ?? null
    articleTitle.value = context.title ?? null
    const source = library.source ?? ''
    if (context.articleId) scopeKind.value = 'article'
    else if (library.selectedCount > 0) scopeKind.value = 'selection'
    else if (source.startsWith('tag:')) {
      scopeKind.value = 'tag'
      tag.value = source.slice(4)
    } else if (search.shown || library.filter.query) scopeKind.value = 'filter'
    else scopeKind.value = 'all'
    result.value = null
    error.value = null
    open.value = true
    try {
      const [info, t] = await Promise.all([api('app.info', {}), api('export.template', {})])
      mode.value = info.mode
      destination.value = info.mode === 'electron' ? 'folder' : destination.value
      template.value = t.template
      defaultTemplate.value = t.defaultTemplate
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  function close() {
    open.value = false
  }

  function scope(): ExportScopeInput {
    return exportScope(scopeKind.value, {
      articleId: articleId.value,
      selection: library.selectionArg(),
      filter: library.filter,
      searchShown: search.shown || null,
      tag: tag.value
    })
  }

  async function refreshPreview() {
    if (format.value !== 'md' || !open.value) return
    if (scopeKind.value === 'tag' && !tag.value.trim()) {
      preview.value = null
      previewError.value = null
      return
    }
    try {
      preview.value = await api('export.preview', { scope: scope(), template: template.value || undefined })
      previewError.value = null
    } catch (e) {
      previewError.value = (e as Error).message
    }
  }

  async function saveTemplate() {
    try {
      await api('export.saveTemplate', { template: template.value })
      useUiStore().notify('Template saved')
    } catch (e) {
      previewError.value = (e as Error).message
    }
  }

  function resetTemplate() {
    template.value = defaultTemplate.value
  }

  async function chooseDestination() {
    try {
      const r = await api('export.chooseDestination', { format: format.value })
      if (r.path) outPath.value = r.path
    } catch (e) {
      error.value = (e as Error).message
    }
  }

  async function run() {
    const ui = useUiStore()
    running.value = true
    error.value = null
    result.value = null
    jobId = crypto.randomUUID()
    progress.value = { jobId, done: 0, total: 0, current: null }
    try {
      const r = await api('export.run', {
        scope: scope(),
        format: format.value,
        out: destination.value === 'folder' ? outPath.value : undefined,
        template: format.value === 'md' ? template.value || undefined : undefined,
        jobId
      })
      result.value = r
      if (r.download) saveDownload(r.download)
      ui.notify(`Exported ${r.annotations} highlight(s) from ${r.articles} article(s)${r.path ? ` to ${r.path}` : ''}`)
    } catch (e) {
      error.value = (e as Error).message
    } finally {
      running.value = false
      progress.value = null
    }
  }

  async function cancel() {
    if (jobId && running.value) await api('export.cancel', { jobId })
  }

  /** Copies the scope's highlights (or the listed ones) as Markdown. */
  async function copyMarkdown(annotationIds?: string[]) {
    const ui = useUiStore()
    try {
      const r = await api('export.clipboard', annotationIds ? { annotationIds } : { scope: scope() })
      await navigator.clipboard.writeText(r.markdown)
      ui.notify(`Copied ${r.count} highlight(s) as Markdown`)
    } catch (e) {
      ui.notify((e as Error).message, 'error')
    }
  }

  return {
    open, mode, articleId, articleTitle, scopeKind, tag, format, destination, outPath, template, defaultTemplate, preview, previewError,
    progress, running, result, error, filterLabel, show, close, refreshPreview, saveTemplate, resetTemplate, chooseDestination, run, cancel,
    copyMarkdown
  }
})
