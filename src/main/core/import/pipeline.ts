import { randomUUID } from 'node:crypto'
import type { ImportOutcome, ImportReport } from '../../../shared/model'
import type { Library } from '../library'
import { validateTagPath } from '../tags/path'
import { commitGroup, GROUP_MAX_ARTICLES, GROUP_MAX_BYTES, GROUP_MAX_MS, type GroupEntry } from './group-commit'
import type { ParseHints } from './parsers'
import { heldBytes } from './packed'
import { prepareFile, type WaitingDoc } from './prepare'
import { beginWalBatch } from './wal-batch'
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
  /** Called for each article once the transaction holding it has committed, and for each failure, in order (the CLI prints it at once). */
  onOutcome?: (o: ImportOutcome) => void
  /** Worker threads for parsing: 'auto' uses them for batches of at least POOL_MIN_ITEMS, or when already running. */
  workers?: 'auto' | 'never'
  /** Articles per transaction at most (default GROUP_MAX_ARTICLES); tests use small groups to see several commits. */
  groupMaxArticles?: number
}

/** Below this many files, starting worker threads costs more than it saves. */
export const POOL_MIN_ITEMS = 16
/**
 * Files being read and prepared ahead of the writer, per worker. Enough that the
 * workers keep parsing while the writer stores a whole group (up to GROUP_MAX_ARTICLES,
 * ~100 ms, during which it sends no new requests); with 16 they ran dry a tenth of the
 * way into each group. Memory stays bounded by BUFFERED_BYTES_MAX. The pool sends each
 * refill (half of it) as one message per worker.
 */
const READ_AHEAD_PER_WORKER = 128
/**
 * Prepared articles waiting for the writer, in bytes (see heldBytes). Past this, no more files
 * are started, so a batch of big books cannot pile up in memory while the writer is
 * busy; a single file bigger than this still goes through, on its own.
 */
export const BUFFERED_BYTES_MAX = 64 * 1024 * 1024

type Prepared = { ok: true; docs: WaitingDoc[]; bytes: number } | { ok: false; error: unknown; bytes: 0 }

/** A file being prepared ahead of the writer; `ready` once its promise has settled. */
interface Ahead {
  item: ImportItem
  result: Promise<Prepared>
  ready: boolean
}

const sizeOf = (docs: WaitingDoc[]): number => docs.reduce((n, d) => n + heldBytes(d.article), 0)

/** Resolves true when `a` is ready within `ms`, false otherwise (the timer is cleared either way). */
function readyWithin(a: Ahead, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<boolean>((resolve) => (timer = setTimeout(resolve, ms, false)))
  return Promise.race([a.result.then(() => true), late]).finally(() => clearTimeout(timer))
}

/**
 * Imports items in order; a failing item is reported and the rest go on. Files are
 * read and prepared ahead (on worker threads for big batches) while this thread
 * writes. Articles are committed in groups (see group-commit.ts), each in its own
 * savepoint, and reported only once committed, so cancelling or crashing never
 * leaves half an article behind nor loses one that was reported.
 */
export async function importItems(lib: Library, items: ImportItem[], opts: ImportOptions = {}): Promise<ImportReport> {
  const jobId = opts.jobId ?? randomUUID()
  const tags = (opts.tags ?? []).map(validateTagPath)
  const groupMax = Math.max(1, opts.groupMaxArticles ?? GROUP_MAX_ARTICLES)
  const outcomes: ImportOutcome[] = []
  // Workers are worth starting for a big batch, and worth using whenever they are up.
  const pool = opts.workers !== 'never' && (items.length >= POOL_MIN_ITEMS || poolRunning()) ? acquirePool() : null
  const endWalBatch = items.length >= POOL_MIN_ITEMS ? beginWalBatch(lib) : null
  const prepare = (item: ImportItem): Promise<WaitingDoc[]> => {
    if (pool && item.path !== undefined) return pool.prepare({ path: item.path }, item.name, item.source)
    return item.load().then((loaded) => {
      const { bytes, source, hints } = loaded instanceof Uint8Array ? { bytes: loaded, source: item.source, hints: {} } : loaded
      return pool ? pool.prepare({ bytes }, item.name, source, hints) : prepareFile(bytes, item.name, source, hints)
    })
  }
  // UTF-16 bytes of prepared articles held in this thread: read ahead, or in the open group.
  let buffered = 0
  const start = (item: ImportItem): Ahead => {
    const a: Ahead = { item, ready: false, result: null! }
    a.result = prepare(item).then(
      (docs): Prepared => {
        const bytes = sizeOf(docs)
        buffered += bytes
        a.ready = true
        return { ok: true, docs, bytes }
      },
      (error): Prepared => {
        a.ready = true
        return { ok: false, error, bytes: 0 }
      }
    )
    return a
  }

  const ahead = pool ? pool.size * READ_AHEAD_PER_WORKER : 2
  const queue: Ahead[] = []
  let next = 0
  let failed = 0
  let done = 0
  let cancelled = false
  const aborted = (): boolean => opts.signal?.aborted === true
  let group: GroupEntry[] = []
  let groupArticles = 0
  let groupBytes = 0
  let groupStarted = 0
  const progress = (current: string | null): void => opts.onProgress?.({ done, total: items.length, current, failed })
  const commit = (): void => {
    if (group.length === 0) return
    for (const o of commitGroup(lib, group, tags)) {
      if ('error' in o) failed++
      outcomes.push(o)
      opts.onOutcome?.(o)
    }
    done += group.length
    buffered -= groupBytes
    group = []
    groupArticles = groupBytes = 0
  }
  try {
    while (done + group.length < items.length) {
      // Refill in bursts once half the read-ahead is used: the pool sends a burst as one message.
      if (queue.length <= ahead / 2)
        while (next < items.length && queue.length < ahead && (queue.length === 0 || buffered < BUFFERED_BYTES_MAX))
          queue.push(start(items[next++]))
      if (aborted()) {
        cancelled = true
        break
      }
      const head = queue[0]
      // An open group is committed rather than kept waiting past GROUP_MAX_MS for a slow file.
      if (group.length > 0 && !head.ready) {
        const left = groupStarted + GROUP_MAX_MS - performance.now()
        if (left <= 0 || !(await readyWithin(head, left))) {
          commit()
          continue
        }
      }
      progress(head.item.name)
      const prepared = await queue.shift()!.result
      // A cancel while the file was being parsed: do not store it.
      if (aborted()) {
        buffered -= prepared.bytes
        cancelled = true
        break
      }
      if (group.length === 0) groupStarted = performance.now()
      group.push(prepared.ok ? { name: head.item.name, docs: prepared.docs } : { name: head.item.name, error: prepared.error })
      groupArticles += prepared.ok ? prepared.docs.length : 1
      groupBytes += prepared.bytes
      if (groupArticles >= groupMax || groupBytes >= GROUP_MAX_BYTES || performance.now() - groupStarted >= GROUP_MAX_MS) commit()
    }
    // At the end, and on cancel: what was prepared and taken is stored and reported.
    commit()
  } finally {
    await Promise.allSettled(queue.map((a) => a.result))
    if (pool) releasePool(pool)
    endWalBatch?.()
  }
  progress(null)
  return { jobId, outcomes, cancelled }
}
