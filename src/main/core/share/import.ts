/**
 * Importing a teammate's notes: a JSON-LD export (Scholia's or another Web
 * Annotation tool's) or a `.scholia` bundle. The file is read and checked in
 * full first; then everything it changes is written in one transaction, so a
 * refused file leaves the library exactly as it was.
 */
import { open, readFile, stat, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_LISTED, MAX_SHARE_BYTES, type ShareProgress, type ShareSummary } from '../../../shared/api/share'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import type { IncomingAnnotation, SharedNotes } from './incoming'
import { prepareBundleArticles, storeBundleArticles, type PreparedBundleArticle } from './import-bundle'
import { ArticleMatcher, articleKey, type LocalArticle } from './match'
import { NotesMerger } from './merge'
import { JsonLdReader, parseJsonLd } from './read-jsonld'
import { allPending, dropPending, keepAside, type PendingEntry } from './pending'
import { readBundle } from './read-bundle'

export interface ShareImportOptions {
  jobId?: string
  onProgress?: (p: Omit<ShareProgress, 'jobId'>) => void
  now?: string
}

const MB = 1024 * 1024

function tooBig(size: number): ScholiaError {
  return new ScholiaError(
    'invalid_argument',
    `file is ${Math.round(size / MB)} MB, over the ${MAX_SHARE_BYTES / MB} MB limit for shared notes — ask for an export of fewer articles`
  )
}

function groupByArticle(list: readonly IncomingAnnotation[]): IncomingAnnotation[][] {
  const groups = new Map<string, IncomingAnnotation[]>()
  for (const a of list) {
    const k = articleKey(a)
    const g = groups.get(k)
    if (g) g.push(a)
    else groups.set(k, [a])
  }
  return [...groups.values()]
}

/** Writes a checked file's notes (and a bundle's articles) into the library; call inside one transaction. */
function mergeAll(lib: Library, notes: SharedNotes, prepared: PreparedBundleArticle[], vocabulary: string[], summary: ShareSummary, now: string): void {
  const matcher = new ArticleMatcher(lib, notes.articles)
  summary.articlesAdded = storeBundleArticles(lib, prepared, matcher, vocabulary, summary.rejected, now)
  const merger = new NotesMerger(lib, matcher, now)
  const missing = new Set<string>()

  // An id kept aside earlier and in this file again: whichever version is newer goes in.
  const newest = (a: IncomingAnnotation, kept: PendingEntry | undefined): IncomingAnnotation =>
    kept && kept.annotation.modified > a.modified ? kept.annotation : a
  const pendingById = new Map(allPending(lib).map((e) => [e.annotation.id, e]))
  const attach = (a: IncomingAnnotation, article: LocalArticle) => {
    merger.insert(newest(a, pendingById.get(a.id)), article)
    if (pendingById.delete(a.id)) dropPending(lib, a.id)
  }

  merger.prefetch(notes.annotations.map((a) => a.id))
  const unmatched: IncomingAnnotation[] = []
  const sorted = [...notes.annotations].sort((x, y) => (articleKey(x) < articleKey(y) ? -1 : articleKey(x) > articleKey(y) ? 1 : 0))
  for (const a of sorted) {
    const local = merger.localRow(a.id)
    if (local) {
      merger.update(local, a)
      if (pendingById.delete(a.id)) dropPending(lib, a.id)
    } else {
      const m = matcher.find(a)
      if (m) attach(a, m.article)
      else unmatched.push(a)
    }
  }
  const inFile = new Set(notes.annotations.map((a) => a.id))
  for (const group of groupByArticle(unmatched)) {
    const article = matcher.findByQuotes(group, (r) => merger.textOf(r))
    for (const a of group) {
      if (article) attach(a, article)
      else {
        const hint = (a.articleRef && notes.articles.get(a.articleRef)) || null
        keepAside(lib, { annotation: newest(a, pendingById.get(a.id)), article: hint }, now)
        if (!a.deleted) {
          summary.pending++
          missing.add(hint?.title ?? a.source)
        }
      }
    }
  }

  // Annotations kept aside by earlier imports whose article may be here now.
  const before = merger.counts.added
  const earlier = [...pendingById.values()].filter((e) => !inFile.has(e.annotation.id))
  for (const e of earlier) if (e.article) matcher.addHint(e.article)
  for (const group of groupByArticle(earlier.map((e) => e.annotation))) {
    const rest: IncomingAnnotation[] = []
    for (const a of group) {
      const local = merger.localRow(a.id)
      if (!local) rest.push(a)
      else {
        merger.update(local, a)
        pendingById.delete(a.id)
        dropPending(lib, a.id)
      }
    }
    if (rest.length === 0) continue
    const article = matcher.find(rest[0])?.article ?? matcher.findByQuotes(rest, (r) => merger.textOf(r))
    if (article) for (const a of rest) attach(a, article)
  }
  summary.attachedFromPending = merger.counts.added - before
  merger.counts.added = before
  merger.finish()

  Object.assign(summary, merger.counts)
  summary.rejected.push(...merger.rejected)
  summary.missing = [...missing].slice(0, MAX_LISTED)
}

function emptySummary(file: string, format: ShareSummary['format']): ShareSummary {
  return {
    file, format, added: 0, updated: 0, unchanged: 0, deleted: 0, orphaned: 0, pending: 0, missing: [], attachedFromPending: 0, articlesAdded: 0,
    rejected: [], creators: []
  }
}

/** A file's contents, read and checked: its notes, and a bundle's articles and tag vocabulary. */
interface Checked {
  format: ShareSummary['format']
  notes: SharedNotes
  prepared: PreparedBundleArticle[]
  vocabulary: string[]
}

/** Writes a checked file into the library in one transaction and says what changed. */
function store(lib: Library, name: string, c: Checked, opts: ShareImportOptions, now: string): ShareSummary {
  const summary = emptySummary(name, c.format)
  for (const r of c.notes.rejected) summary.rejected.push(r)
  summary.creators = [...new Set(c.notes.annotations.map((a) => a.creator).filter((x): x is string => !!x))].sort()
  const total = c.notes.annotations.length
  opts.onProgress?.({ phase: 'annotations', done: 0, total })
  lib.write(() => mergeAll(lib, c.notes, c.prepared, c.vocabulary, summary, now))
  opts.onProgress?.({ phase: 'annotations', done: total, total })
  const rejectedCount = summary.rejected.length
  if (rejectedCount > MAX_LISTED) summary.rejected = [...summary.rejected.slice(0, MAX_LISTED), { id: null, reason: `…and ${rejectedCount - MAX_LISTED} more` }]
  return summary
}

/** Runs an import step, naming the file in its one-line error. */
async function named<T>(name: string, step: () => Promise<T> | T): Promise<T> {
  try {
    return await step()
  } catch (e) {
    if (e instanceof ScholiaError) throw new ScholiaError(e.code, `${name}: ${e.message}`)
    throw e
  }
}

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b

/**
 * Imports a teammate's file from its bytes. Refusals (not JSON, wrong shape,
 * too big, a malicious or damaged bundle, an id listed twice) throw a
 * one-line ScholiaError naming the file, and change nothing.
 */
export async function importShared(lib: Library, file: { name: string; bytes: Uint8Array }, opts: ShareImportOptions = {}): Promise<ShareSummary> {
  const now = opts.now ?? new Date().toISOString()
  const name = basename(file.name)
  return named(name, () => {
    if (file.bytes.length > MAX_SHARE_BYTES) throw tooBig(file.bytes.length)
    opts.onProgress?.({ phase: 'reading', done: 0, total: 1 })
    let checked: Checked
    if (isZip(file.bytes)) {
      const contents = readBundle(file.bytes)
      opts.onProgress?.({ phase: 'articles', done: 0, total: contents.articles.length })
      // The articles' rejections come first in the summary, then the notes'.
      const rejected: ShareSummary['rejected'] = []
      const prepared = prepareBundleArticles(contents, rejected)
      for (const r of contents.notes.rejected) rejected.push(r)
      checked = { format: 'bundle', notes: { ...contents.notes, rejected }, prepared, vocabulary: contents.tags }
    } else checked = { format: 'jsonld', notes: parseJsonLd(file.bytes), prepared: [], vocabulary: [] }
    return store(lib, name, checked, opts, now)
  })
}

/**
 * Attaches annotations kept aside by earlier imports whose article has since
 * arrived (an ordinary article import); returns how many were attached. Cheap
 * when nothing is kept aside.
 */
export function attachPending(lib: Library, now = new Date().toISOString()): number {
  if (!lib.db.prepare('SELECT 1 FROM shared_pending WHERE deleted = 0 LIMIT 1').get()) return 0
  const summary: ShareSummary = {
    file: '', format: 'jsonld', added: 0, updated: 0, unchanged: 0, deleted: 0, orphaned: 0, pending: 0, missing: [],
    attachedFromPending: 0, articlesAdded: 0, rejected: [], creators: []
  }
  lib.write(() => mergeAll(lib, { annotations: [], articles: new Map(), rejected: [] }, [], [], summary, now))
  return summary.attachedFromPending
}

/** Bytes read from disk at a time when streaming a JSON-LD file. */
const READ_CHUNK_BYTES = 1024 * 1024

/**
 * Imports a teammate's file from disk; one too big is refused before it is
 * read. A JSON-LD file is read a chunk at a time and its annotations checked
 * as they come (read-jsonld.ts), so memory does not grow with the file's
 * text; a bundle (a zip, read whole by its format) goes through importShared.
 */
export async function importSharedPath(lib: Library, path: string, opts: ShareImportOptions = {}): Promise<ShareSummary> {
  const name = basename(path)
  let fh: FileHandle
  let size: number
  try {
    const info = await stat(path)
    if (info.isDirectory()) throw new ScholiaError('invalid_argument', `${path} is a folder — choose a .jsonld or .scholia file`)
    size = info.size
    if (size > MAX_SHARE_BYTES) throw new ScholiaError(tooBig(size).code, `${name}: ${tooBig(size).message}`)
    fh = await open(path, 'r')
  } catch (e) {
    if (e instanceof ScholiaError) throw e
    throw new ScholiaError('io', `cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'}) — check the path and permissions`)
  }
  try {
    const chunk = Buffer.alloc(Math.min(READ_CHUNK_BYTES, Math.max(size, 4)))
    const first = await fh.read(chunk, 0, chunk.length, 0)
    if (isZip(chunk.subarray(0, first.bytesRead))) return importShared(lib, { name: path, bytes: new Uint8Array(await readFile(path)) }, opts)
    const now = opts.now ?? new Date().toISOString()
    return await named(name, async () => {
      opts.onProgress?.({ phase: 'reading', done: 0, total: size })
      const reader = new JsonLdReader()
      let at = 0
      for (let n = first.bytesRead; n > 0; n = (await fh.read(chunk, 0, chunk.length, at)).bytesRead) {
        at += n
        if (at > MAX_SHARE_BYTES) throw tooBig(at) // the file grew since stat
        // The reader keeps what it needs of a chunk, so the buffer can be reused.
        reader.write(chunk.subarray(0, n))
        opts.onProgress?.({ phase: 'reading', done: at, total: size })
      }
      return store(lib, name, { format: 'jsonld', notes: reader.end(), prepared: [], vocabulary: [] }, opts, now)
    })
  } finally {
    await fh.close()
  }
}

/** Files the sharing importer takes (by extension), as opposed to articles. */
export const SHARED_NOTE_EXTENSIONS = ['.jsonld', '.json', '.scholia'] as const
export function isSharedNotesFile(path: string): boolean {
  const lower = path.toLowerCase()
  return SHARED_NOTE_EXTENSIONS.some((ext) => lower.endsWith(ext))
}
