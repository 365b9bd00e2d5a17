import { randomBytes } from 'node:crypto'
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, unlink, type FileHandle } from 'node:fs/promises'
import { renameSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ScholiaError } from '../../../shared/errors'
import { flushEarly, syncTemps } from './sync-files'
import { MAX_QUEUED_CHARS, WriterThread, type WriteFailure } from './writer-thread'

/**
 * Bytes gathered before one write to disk: big enough that 100,000 annotations
 * cost a few hundred writes, small enough to bound memory.
 */
export const WRITE_CHUNK_BYTES = 1024 * 1024
/** Name of the hidden folder a Markdown export writes into before its files are renamed into place. */
export const TEMP_FOLDER_PREFIX = '.scholia-export-'

/** Where an export's bytes go: a file on disk, or memory for a download. */
export interface Sink {
  write(chunk: string | Uint8Array): Promise<void>
  /** Makes the output visible whole (rename into place); nothing is visible before. */
  commit(): Promise<void>
  /** Removes everything written so far; safe to call after a failure or twice. */
  abort(): Promise<void>
}

/** A one-line error for a failed write to `target`, promising what the caller guarantees: nothing half-written. */
export function writeError(e: unknown, target: string): ScholiaError {
  if (e instanceof ScholiaError) return e
  const code = (e as NodeJS.ErrnoException)?.code ?? 'error'
  const folder = dirname(target)
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new ScholiaError('io', `the disk holding ${folder} is full — free some space or choose another folder; nothing was written`)
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new ScholiaError('io', `${folder} is not writable — choose another folder or change its permissions; nothing was written`)
    case 'ENOENT':
      return new ScholiaError('io', `folder ${folder} does not exist — create it or choose another; nothing was written`)
    case 'ENOTDIR':
      return new ScholiaError('io', `${folder} is not a folder — choose a folder to export into; nothing was written`)
    case 'EISDIR':
      return new ScholiaError('io', `${target} is a folder — give a file name to export into; nothing was written`)
    default:
      return new ScholiaError('io', `cannot write ${target} (${code}) — check the disk and the folder; nothing was written`)
  }
}

/** A hidden temp name beside `finalPath`, so the rename stays on one file system. */
function tempBeside(finalPath: string): string {
  return join(dirname(finalPath), `.${basename(finalPath).slice(0, 100)}.${randomBytes(6).toString('hex')}.scholia-tmp`)
}

/** Flushes a directory entry change (a rename) to disk; not possible on every platform, and then skipped. */
async function syncFolder(folder: string): Promise<void> {
  let fh: FileHandle | null = null
  try {
    fh = await open(folder, 'r')
    await fh.sync()
  } catch {
    /* Windows cannot open a folder for fsync; the rename is still atomic there */
  } finally {
    await fh?.close().catch(() => {})
  }
}

/**
 * A file written in chunks to a temp file in the destination folder, then
 * fsynced and renamed over `finalPath`: readers (and a crash) see the old file
 * or the whole new one, never a part.
 */
export class AtomicFile implements Sink {
  private parts: (string | Uint8Array)[] = []
  private pending = 0
  private done = false

  private constructor(
    readonly finalPath: string,
    private readonly temp: string,
    private readonly fh: FileHandle
  ) {}

  static async create(finalPath: string): Promise<AtomicFile> {
    const temp = tempBeside(finalPath)
    try {
      return new AtomicFile(finalPath, temp, await open(temp, 'wx'))
    } catch (e) {
      throw writeError(e, finalPath)
    }
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    this.parts.push(chunk)
    this.pending += typeof chunk === 'string' ? chunk.length : chunk.byteLength
    if (this.pending >= WRITE_CHUNK_BYTES) await this.flush()
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return
    const bytes = Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : p)))
    this.parts = []
    this.pending = 0
    try {
      // write() may write less than asked (a disk filling up says so only on the next call): loop, so a
      // full disk becomes ENOSPC here instead of a silently truncated export.
      for (let at = 0; at < bytes.length; ) at += (await this.fh.write(bytes, at)).bytesWritten
    } catch (e) {
      throw writeError(e, this.finalPath)
    }
  }

  async commit(): Promise<void> {
    try {
      await this.flush()
      await this.fh.sync()
      await this.fh.close()
      await rename(this.temp, this.finalPath)
      this.done = true
    } catch (e) {
      throw writeError(e, this.finalPath)
    }
    await syncFolder(dirname(this.finalPath))
  }

  async abort(): Promise<void> {
    if (this.done) return
    this.done = true
    await this.fh.close().catch(() => {})
    await unlink(this.temp).catch(() => {})
  }
}

/**
 * Files written between two early flushes of a folder export: the disk writes
 * the first files out while later ones are rendered, and the flush at commit
 * is left with the last few thousand.
 */
export const EARLY_FLUSH_FILES = 2500

/** Most bytes an export returns for download; more must be written to a folder. */
export const MAX_DOWNLOAD_BYTES = 200 * 1024 * 1024

/** Collects an export in memory for the UI to download. */
export class MemorySink implements Sink {
  private chunks: Uint8Array[] = []
  private size = 0

  async write(chunk: string | Uint8Array): Promise<void> {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk
    this.size += bytes.byteLength
    if (this.size > MAX_DOWNLOAD_BYTES)
      throw new ScholiaError(
        'invalid_argument',
        `export is over ${MAX_DOWNLOAD_BYTES / 1048576} MB — too large to download; export to a folder instead`
      )
    this.chunks.push(bytes)
  }

  async commit(): Promise<void> {}
  async abort(): Promise<void> {
    this.chunks = []
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks)
  }
}

/**
 * Many files written into one folder (Markdown: one per article), all or
 * none. They are written, each created once, by a thread of their own
 * (WriterThread) into a hidden temp folder on the same file system, and
 * flushed to disk together (syncTemps) once every one is written. Into a
 * folder that already exists, each is then renamed into place; a folder the
 * export creates is the temp folder itself, renamed once to its name. A
 * failure stops the thread, then removes the temp folder and whatever the
 * export created.
 */
export class FolderWriter {
  private temp = ''
  /** The export makes the folder: files keep their final names in the temp folder, which is renamed whole. */
  private fresh = false
  private files: { temp: string; final: string }[] = []
  private thread: WriterThread | null = null
  /** An early flush under way, and how many files were written when the last one started. */
  private flushing: Promise<void> | null = null
  private flushedAt = 0
  private done = false
  /** Lower-cased names already in the folder: only these may need a look before being replaced. */
  private readonly existing = new Set<string>()

  private constructor(readonly folder: string) {}

  /** Opens `folder` for writing; when missing, it (and its parents) will be created. */
  static async create(folder: string): Promise<FolderWriter> {
    const w = new FolderWriter(folder)
    try {
      const info = await stat(folder).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)))
      if (info && !info.isDirectory())
        throw new ScholiaError('io', `${folder} is a file — Markdown export writes one file per article; choose a folder`)
      if (info) {
        for (const name of await readdir(folder)) w.existing.add(name.normalize('NFC').toLowerCase())
        w.temp = await mkdtemp(join(folder, TEMP_FOLDER_PREFIX))
      } else {
        await mkdir(dirname(folder), { recursive: true })
        w.temp = await mkdtemp(join(dirname(folder), `.${basename(folder).slice(0, 100)}${TEMP_FOLDER_PREFIX}`))
        w.fresh = true
      }
      w.thread = new WriterThread()
    } catch (e) {
      await w.abort()
      throw writeError(e, join(folder, 'notes.md'))
    }
    return w
  }

  /** Whether a file of this name may already be in the folder (case and normalisation ignored, as macOS and Windows do). */
  mayExist(name: string): boolean {
    return this.existing.has(name.normalize('NFC').toLowerCase())
  }

  /**
   * Queues one whole file for the writer thread; `finalPath` must be inside
   * the folder (see insideFolder). A failure to write it is thrown by a later
   * `settle` or by `commit`.
   */
  writeFile(finalPath: string, content: string): void {
    const temp = join(this.temp, this.fresh ? basename(finalPath) : `${this.files.length}.md`)
    this.files.push({ temp, final: finalPath })
    this.thread!.write(temp, content)
  }

  /**
   * Waits while too much is queued for the writer thread (bounded memory) and
   * throws its first failure; every EARLY_FLUSH_FILES files, starts flushing
   * them to disk in the background.
   */
  async settle(): Promise<void> {
    await this.drain(MAX_QUEUED_CHARS)
    const written = this.thread!.written
    if (!this.flushing && written - this.flushedAt >= EARLY_FLUSH_FILES) {
      this.flushedAt = written
      this.flushing = flushEarly(this.temp).finally(() => (this.flushing = null))
    }
  }

  private async drain(maxQueuedChars: number): Promise<void> {
    try {
      await this.thread!.drained(maxQueuedChars)
    } catch (e) {
      const temp = (e as WriteFailure).path
      throw writeError(e, this.files.find((f) => f.temp === temp)?.final ?? join(this.folder, 'notes.md'))
    }
  }

  /** Waits for every file to be written, flushes them to disk, then puts them in place. */
  async commit(): Promise<void> {
    await this.drain(0)
    await this.thread!.stop()
    await this.flushing
    try {
      await syncTemps(this.temp, this.files.map((f) => f.temp))
      if (this.fresh) await rename(this.temp, this.folder)
      else for (const { temp, final } of this.files) renameSync(temp, final)
      this.done = true
    } catch (e) {
      throw writeError(e, join(this.folder, 'notes.md'))
    }
    if (!this.fresh) await rm(this.temp, { recursive: true, force: true }).catch(() => {})
    await syncFolder(this.fresh ? dirname(this.folder) : this.folder)
  }

  async abort(): Promise<void> {
    if (this.done) return
    this.done = true
    // The thread must have stopped before the folder goes, or a file written late would bring it back.
    await this.thread?.stop()
    await this.flushing
    if (this.temp) await rm(this.temp, { recursive: true, force: true }).catch(() => {})
  }
}
