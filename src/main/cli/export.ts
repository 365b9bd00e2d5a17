import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import { EXPORT_FORMATS, ExportScope, type ExportFormat } from '../../shared/api/export'
import { Id } from '../../shared/api/define'
import { runExport } from '../core/export/run'
import type { GlobalOptions } from './context'
import { emit, fail, openLibrary } from './context'

export interface ExportOptions extends GlobalOptions {
  format?: string
  out?: string
  query?: string
  tag?: string[]
  article?: string[]
  template?: string
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

/** The export scope the options name: listed articles, else a query and tags, else the whole library. */
function scopeOf(opts: ExportOptions) {
  if (opts.article?.length) {
    if (opts.query || opts.tag?.length) fail('--article cannot be combined with --query or --tag — choose articles one way')
    for (const id of opts.article) if (!Id.safeParse(id).success) fail(`--article ${id} is not an article id — see 'scholia list --json'`)
    return ExportScope.parse({ kind: 'selection', selection: { ids: opts.article } })
  }
  if (opts.query || opts.tag?.length) return ExportScope.parse({ kind: 'filter', filter: { query: opts.query ?? '', tagsAll: opts.tag ?? [] } })
  return ExportScope.parse({ kind: 'all' })
}

function readTemplate(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    return fail(`cannot read template ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}) — check the path`)
  }
}

/** `scholia export --format F --out PATH [--query Q] [--tag T]… [--article ID]… [--template FILE]` */
export async function exportCommand(opts: ExportOptions): Promise<number> {
  const format = opts.format as ExportFormat
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) fail(`--format ${opts.format} is not a format — use one of ${EXPORT_FORMATS.join(', ')}`)
  if (!opts.out) fail('--out is required: a folder (md, or any format) or a file path')
  const scope = scopeOf(opts)
  const template = opts.template ? readTemplate(opts.template) : undefined
  const lib = openLibrary(opts)
  const ctrl = new AbortController()
  const onSigint = () => ctrl.abort()
  process.once('SIGINT', onSigint)
  try {
    const r = await runExport(lib, { scope, format, out: opts.out, template, signal: ctrl.signal })
    emit(
      opts,
      { format: r.format, articles: r.articles, annotations: r.annotations, path: r.path, files: r.files },
      `exported ${r.annotations} annotation(s) from ${r.articles} article(s) to ${r.path}${r.files > 1 ? ` (${r.files} files)` : ''}`
    )
    return 0
  } finally {
    process.off('SIGINT', onSigint)
    lib.close()
  }
}

export function registerExportCommand(p: Command, g: (cmd: Command) => GlobalOptions, set: (code: number) => void): void {
  p.command('export')
    .description('export notes: Markdown (a file per article), W3C JSON-LD, CSV, printable HTML or a .scholia bundle')
    .requiredOption('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`)
    .requiredOption('--out <path>', 'folder to write into, or a file path for single-file formats')
    .option('--query <q>', 'only articles matching a search query')
    .option('--tag <tag>', 'only articles with this tag or its children (repeatable: all must match)', collect)
    .option('--article <id>', 'only this article (repeatable)', collect)
    .option('--template <file>', 'Markdown template (Mustache) to use instead of the saved one')
    .action(async (_o, cmd: Command) => set(await exportCommand(g(cmd) as ExportOptions)))
}
