import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import type { ExportFormat, ExportResult, ExportScopeValue } from '../../../shared/api/export'
import { ScholiaError } from '../../../shared/errors'
import { currentCreator } from '../annotations/repo'
import type { Library } from '../library'
import { BundleWriter } from './bundle'
import { csvHead, csvRows } from './csv'
import { defaultFileName, fileTarget, MIME } from './destination'
import { htmlArticle, htmlHead, HTML_TAIL } from './html'
import { AnnotationJsonReader, JsonLdWriter } from './jsonld'
import { writeMarkdownFiles } from './markdown-files'
import { readArticles, type ExportArticle } from './rows'
import { resolveScope } from './scope'
import { savedTemplate, checkTemplate } from './template'
import { toJson } from './native-json'
import { AtomicFile, MemorySink, type Sink } from './write-atomic'

export interface ExportRequest {
  scope: ExportScopeValue
  format: ExportFormat
  /** Folder or file on this machine; omitted: the result carries the file for download. */
  out?: string
  /** Markdown template; the user's saved one by default. */
  template?: string
  jobId?: string
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number; current: string | null }) => void
  now?: string
}

/** Counts and progress shared by every format's loop. */
export interface Pass {
  rowids: number[]
  articles: number
  annotations: number
  /** The scope's articles batch by batch, with their live annotations unless `annotations` is false. */
  next(annotations?: boolean): Generator<ExportArticle[]>
  /** Counts a written batch, reports progress, and stops a cancelled export. */
  tick(batch: readonly ExportArticle[], liveAnnotations?: number): void
}

/** Every tag on the annotations of these articles (tombstones too: a bundle carries them). */
function annotationTags(lib: Library, rowids: readonly number[]): string[] {
  return lib.db
    .prepare(
      `SELECT DISTINCT t.path FROM articles a JOIN annotations n ON n.article_id = a.id
       JOIN annotation_tags nt ON nt.annotation_rowid = n.rowid JOIN tags t ON t.id = nt.tag_id
       WHERE a.rowid IN (SELECT value FROM json_each(?))`
    )
    .pluck()
    .all(toJson(rowids)) as string[]
}

function cancelled(): ScholiaError {
  return new ScholiaError('cancelled', 'export cancelled — nothing was written')
}

/** A label for the collection or page title, saying what was exported. */
function scopeLabel(lib: Library, scope: ExportScopeValue, first: ExportArticle | undefined): string {
  switch (scope.kind) {
    case 'article':
      return `Scholia notes: ${first?.title ?? 'article'}`
    case 'tag':
      return `Scholia notes tagged ${scope.tag}`
    case 'filter':
      return scope.filter.query ? `Scholia notes matching ${scope.filter.query}` : 'Scholia notes (filtered)'
    case 'selection':
      return 'Scholia notes (selection)'
    default:
      return `Scholia notes from ${basename(lib.path)}`
  }
}

/** Streams every article of the pass into a single-file writer (JSON-LD, CSV, HTML, bundle). */
async function writeSingle(lib: Library, req: ExportRequest, pass: Pass, sink: Sink, now: string): Promise<void> {
  const creator = currentCreator(lib)
  const firstBatch = () => readArticles(lib, pass.rowids.slice(0, 1), { annotations: false, tombstones: false, html: false }).next().value?.[0]
  const label = scopeLabel(lib, req.scope, req.scope.kind === 'article' ? firstBatch() : undefined)
  const write = (s: string | Uint8Array) => sink.write(s)
  if (req.format === 'jsonld') {
    const w = new JsonLdWriter(write)
    const json = new AnnotationJsonReader(lib, creator, true)
    await w.begin({ label, creator, generated: now })
    for (const batch of pass.next(false)) pass.tick(batch, await w.articles(batch, json.read(batch.map((a) => a.id))))
    await w.end()
  } else if (req.format === 'csv') {
    await sink.write(csvHead())
    for (const batch of pass.next()) {
      await sink.write(batch.map(csvRows).join(''))
      pass.tick(batch)
    }
  } else if (req.format === 'html') {
    await sink.write(htmlHead(label, now))
    for (const batch of pass.next()) {
      await sink.write(batch.map(htmlArticle).join(''))
      pass.tick(batch)
    }
    await sink.write(HTML_TAIL)
  } else {
    const w = new BundleWriter(write)
    for (const batch of readArticles(lib, pass.rowids, { annotations: false, tombstones: false, html: true })) {
      for (const a of batch) await w.article(a)
      if (req.signal?.aborted) throw cancelled()
    }
    w.addTags(annotationTags(lib, pass.rowids))
    const json = new AnnotationJsonReader(lib, creator, true)
    await w.beginAnnotations({ label, creator, generated: now })
    for (const batch of pass.next(false)) {
      const rows = json.read(batch.map((a) => a.id))
      await w.annotations(batch, rows)
      pass.tick(batch, rows.reduce((n, [dead]) => n + (dead ? 0 : 1), 0))
    }
    await w.end({ generator: 'Scholia', exportedAt: now, creator })
  }
}

/**
 * Exports the scope in one format: to `out` on this machine (atomically: a
 * temp file renamed into place, or for Markdown every file at once), or into
 * memory for a download. Reads the library batch by batch and writes as it
 * goes, so memory stays bounded whatever the library's size. A failure or a
 * cancel leaves nothing behind.
 */
export async function runExport(lib: Library, req: ExportRequest): Promise<ExportResult> {
  const jobId = req.jobId ?? randomUUID()
  const now = req.now ?? new Date().toISOString()
  const template = req.template ?? savedTemplate(lib)
  if (req.format === 'md') checkTemplate(template)
  const rowids = resolveScope(lib, req.scope)
  const pass: Pass = {
    rowids,
    articles: 0,
    annotations: 0,
    next: (annotations = true) => readArticles(lib, rowids, { annotations, tombstones: false, html: false }),
    tick(batch, live) {
      if (req.signal?.aborted) throw cancelled()
      this.articles += batch.length
      this.annotations += live ?? batch.reduce((n, a) => n + a.annotations.length, 0)
      req.onProgress?.({ done: this.articles, total: rowids.length, current: batch[batch.length - 1]?.title ?? null })
    }
  }
  req.onProgress?.({ done: 0, total: rowids.length, current: null })
  const base = { jobId, format: req.format }

  if (req.format === 'md') {
    const r = await writeMarkdownFiles(pass, template, req.out ?? null, now)
    return { ...base, articles: pass.articles, annotations: pass.annotations, ...r }
  }
  const path = req.out ? await fileTarget(req.out, req.format, now) : null
  const sink: Sink = path ? await AtomicFile.create(path) : new MemorySink()
  try {
    await writeSingle(lib, req, pass, sink, now)
    await sink.commit()
  } catch (e) {
    await sink.abort()
    throw e
  }
  const download =
    sink instanceof MemorySink
      ? { name: defaultFileName(req.format, now), mime: MIME[req.format], base64: sink.bytes().toString('base64') }
      : null
  return { ...base, articles: pass.articles, annotations: pass.annotations, path, files: path ? 1 : 0, download }
}
