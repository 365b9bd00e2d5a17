import { randomUUID } from 'node:crypto'
import type { ImportOutcome, ImportReport } from '../../../shared/model'
import { ScholiaError } from '../../../shared/errors'
import { findByHash, findBySource, insertArticle, replaceArticleContent, type NewArticle } from '../articles/repo'
import type { Library } from '../library'
import { tagArticle } from '../tags/attach'
import { validateTagPath } from '../tags/path'
import type { ParseHints } from './parsers'
import { prepareFile, type PreparedDoc } from './prepare'
import { afterContentReplaced } from './reanchor-hook'
import { ImportError } from './types'
import { acquirePool, poolRunning, releasePool } from './worker-pool'

/** Something to import: a file on disk, an uploaded file, pasted text. */
export interface ImportItem {
  /** What the user sees in progress and errors (file path or name). */
  name: string
  /** Provenance stored with the article (absolute path or URL); null for pasted content. */
  source: string | null
  /** A file on disk: worker threads read it themselves, so its bytes never pass through the writer thread. */
  path?: string
  load(): Promise<Uint8Array | Loaded>
}

/** Bytes with what their transport told us (a fetched page: final address, format, charset). */
export interface Loaded {
  bytes: Uint8Array
  /** Replaces the item's source, e.g. the address a URL redirected to. */
  source: string | null
  hints: ParseHints
}

export interface ImportOptions {
  tags?: string[]
  jobId?: string
  signal?: AbortSignal
  onProgress?: (p: { done: number; total: number; current: string | null; failed: number }) => void
  /** Called as each article is committed or each failure is known, in order (the CLI prints it at once). */
  onOutcome?: (o: ImportOutcome) => void
  /** Worker threads for parsing: 'auto' uses them for batches of at least POOL_MIN_ITEMS, or when already running. */
  workers?: 'auto' | 'never'
}

/** Below this many files, starting worker threads costs more than it saves. */
export const POOL_MIN_ITEMS = 16
/**
 * Files being read and prepared ahead of the writer, per worker. Enough that the
 * workers never wait for the writer on small files; the pool sends each refill
 * (half of it) as one message per worker.
 */
const READ_AHEAD_PER_WORKER = 16
/**
 * Prepared articles waiting for the writer, in UTF-16 bytes. Past this, no more files
 * are started, so a batch of big books cannot pile up in memory while the writer is
 * busy; a single file bigger than this still goes through, on its own.
 */
export const BUFFERED_BYTES_MAX = 64 * 1024 * 1024

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

type Prepared = { ok: true; docs: PreparedDoc[]; bytes: number } | { ok: false; error: unknown; bytes: 0 }

const sizeOf = (docs: PreparedDoc[]): number => docs.reduce((n, d) => n + 2 * (d.article.html.length + d.article.text.length), 0)

/**
 * Imports items in order; a failing item is reported and the rest go on. Files are
 * read and prepared ahead (on worker threads for big batches) while this thread
 * writes, each article in its own transaction, so cancelling or crashing never
 * leaves half an article behind.
 */
export async function importItems(lib: Library, items: ImportItem[], opts: ImportOptions = {}): Promise<ImportReport> {
  const jobId = opts.jobId ?? randomUUID()
  const tags = (opts.tags ?? []).map(validateTagPath)
  const outcomes: ImportOutcome[] = []
  const report = (o: ImportOutcome): void => {
    outcomes.push(o)
    opts.onOutcome?.(o)
  }
  // Workers are worth starting for a big batch, and worth using whenever they are up.
  const pool = opts.workers !== 'never' && (items.length >= POOL_MIN_ITEMS || poolRunning()) ? acquirePool() : null
  const prepare = (item: ImportItem): Promise<PreparedDoc[]> => {
    if (pool && item.path !== undefined) return pool.prepare({ path: item.path }, item.name, item.source)
    return item.load().then((loaded) => {
      const { bytes, source, hints } = loaded instanceof Uint8Array ? { bytes: loaded, source: item.source, hints: {} } : loaded
      return pool ? pool.prepare({ bytes }, item.name, source, hints) : prepareFile(bytes, item.name, source, hints)
    })
  }
  let buffered = 0
  const start = (item: ImportItem): Promise<Prepared> =>
    prepare(item).then(
      (docs): Prepared => {
        const bytes = sizeOf(docs)
        buffered += bytes
        return { ok: true, docs, bytes }
      },
      (error): Prepared => ({ ok: false, error, bytes: 0 })
    )

  const ahead = pool ? pool.size * READ_AHEAD_PER_WORKER : 2
  const queue: Promise<Prepared>[] = []
  let next = 0
  let failed = 0
  let done = 0
  let cancelled = false
  try {
    while (done < items.length) {
      // Refill in bursts once half the read-ahead is used: the pool sends a burst as one message.
      if (queue.length <= ahead / 2)
        while (next < items.length && queue.length < ahead && (queue.length === 0 || buffered < BUFFERED_BYTES_MAX))
          queue.push(start(items[next++]))
      if (opts.signal?.aborted) {
        cancelled = true
        break
      }
      const item = items[done]
      opts.onProgress?.({ done, total: items.length, current: item.name, failed })
      const prepared = await queue.shift()!
      buffered -= prepared.bytes
      // A cancel while the file was being parsed: do not store it.
      if (opts.signal?.aborted) {
        cancelled = true
        break
      }
      if (prepared.ok) {
        for (const d of prepared.docs) {
          try {
            report(storeArticle(lib, item.name, d.article, [...tags, ...d.tags]))
          } catch (e) {
            failed++
            report({ file: item.name, error: oneLine(item.name, e) })
          }
        }
      } else {
        failed++
        report({ file: item.name, error: oneLine(item.name, prepared.error) })
      }
      done++
    }
  } finally {
    await Promise.allSettled(queue)
    if (pool) releasePool(pool)
  }
  opts.onProgress?.({ done, total: items.length, current: null, failed })
  return { jobId, outcomes, cancelled }
}
