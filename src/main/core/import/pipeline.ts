import { createHash, randomUUID } from 'node:crypto'
import type { ImportOutcome, ImportReport } from '../../../shared/model'
import { ScholiaError } from '../../../shared/errors'
import { findByHash, findBySource, insertArticle, replaceArticleContent, type NewArticle } from '../articles/repo'
import type { Library } from '../library'
import { tagArticle } from '../tags/attach'
import { validateTagPath } from '../tags/path'
import { canonicalize } from './canonical'
import { parseBytes } from './parsers'
import { sanitizeHtml } from './sanitize'
import { ImportError, type ParsedDoc, type ParseResult } from './types'
import { afterContentReplaced } from './reanchor-hook'

/** Something to import: a file on disk, an uploaded file, pasted text. */
export interface ImportItem {
  /** What the user sees in progress and errors (file path or name). */
  name: string
  /** Provenance stored with the article (absolute path or URL); null for pasted content. */
  source: string | null
  load(): Promise<Uint8Array>
}

export interface ImportOptions {
  tags?: string[]
  jobId?: string
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number; current: string | null; failed: number }) => void
  /** Parses items ahead of the writer (e.g. on a worker pool); defaults to in-process parsing. */
  parse?: (bytes: Uint8Array, name: string, source: string | null) => Promise<ParseResult>
}

const TITLE_MAX = 500

/** A parsed document made safe and canonical: what gets stored. */
export function prepareDoc(doc: ParsedDoc, format: string, encoding: string | null, source: string | null): NewArticle {
  const { html, text } = canonicalize(sanitizeHtml(doc.html))
  if (text.trim().length === 0 && doc.title.trim().length === 0) throw new ImportError('no readable text found')
  return {
    title: (doc.title.trim() || text.trim().slice(0, 80) || 'Untitled').slice(0, TITLE_MAX),
    author: doc.author?.trim() || null,
    published: doc.published || null,
    source: doc.url || source,
    site: doc.site ?? null,
    format,
    encoding,
    language: doc.language ?? null,
    html,
    text,
    contentHash: createHash('sha256').update(html).digest('hex')
  }
}

/**
 * Writes one prepared article in its own transaction: a duplicate (same content)
 * is reported, a changed version of a known source replaces the old content and
 * re-anchors its annotations, anything else is created.
 */
export function storeArticle(lib: Library, file: string, a: NewArticle, tags: readonly string[]): ImportOutcome {
  return lib.write(() => {
    const dup = findByHash(lib, a.contentHash)
    let status: 'created' | 'updated' | 'duplicate'
    let target: { rowid: number; id: string }
    if (dup) {
      status = 'duplicate'
      target = dup
    } else {
      const previous = a.source ? findBySource(lib, a.source)[0] : undefined
      if (previous) {
        replaceArticleContent(lib, previous.rowid, a)
        afterContentReplaced(lib, previous.id, a.text)
        status = 'updated'
        target = previous
      } else {
        target = insertArticle(lib, a)
        status = 'created'
      }
    }
    for (const t of tags) tagArticle(lib, target.rowid, t)
    return { file, status, id: target.id, title: a.title, author: a.author, published: a.published }
  })
}

function oneLine(file: string, e: unknown): string {
  const msg = e instanceof ImportError || e instanceof ScholiaError ? e.message : `unexpected failure (${(e as Error)?.message ?? e})`
  return `${file}: ${msg.replace(/\s*\n\s*/g, ' ')}`
}

/**
 * Imports items one after another; a failing item is reported and the rest go on.
 * Each article is written in its own transaction, so cancelling or crashing never
 * leaves half an article behind.
 */
export async function importItems(lib: Library, items: ImportItem[], opts: ImportOptions = {}): Promise<ImportReport> {
  const jobId = opts.jobId ?? randomUUID()
  const tags = (opts.tags ?? []).map(validateTagPath)
  const outcomes: ImportOutcome[] = []
  const parse = opts.parse ?? ((bytes, name, source) => parseBytes(bytes, name, source))
  let failed = 0
  let cancelled = false
  for (let i = 0; i < items.length; i++) {
    if (opts.signal?.aborted) {
      cancelled = true
      break
    }
    const item = items[i]
    opts.onProgress?.({ done: i, total: items.length, current: item.name, failed })
    try {
      const bytes = await item.load()
      const result = await parse(bytes, item.name, item.source)
      const many = result.docs.length > 1
      for (let d = 0; d < result.docs.length; d++) {
        // Items of a digest share a file; give each its own source so a re-import
        // of an edited digest updates the matching item instead of the first.
        const source = item.source && many ? `${item.source}#${d + 1}` : item.source
        const prepared = prepareDoc(result.docs[d], result.format, result.encoding, source)
        outcomes.push(storeArticle(lib, item.name, prepared, [...tags, ...(result.docs[d].tags ?? [])]))
      }
    } catch (e) {
      failed++
      outcomes.push({ file: item.name, error: oneLine(item.name, e) })
    }
  }
  opts.onProgress?.({ done: cancelled ? outcomes.length : items.length, total: items.length, current: null, failed })
  return { jobId, outcomes, cancelled }
}
