import { randomBytes } from 'node:crypto'
import { mkdir, open, rename, rmdir, stat, unlink, type FileHandle } from 'node:fs/promises'
import { closeSync, fsync, openSync, renameSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { ScholiaError } from '../../../shared/errors'

/**
 * Bytes gathered before one write to disk: big enough that 100,000 annotations
 * cost a few hundred writes, small enough to bound memory.
 */
export const WRITE_CHUNK_BYTES = 1024 * 1024
/** Temp files fsynced at once when a folder export commits (the thread pool has 4 threads; fsync waits on the disk). */
const FSYNC_PARALLEL = 32

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
 * none: each goes to a temp file as it is produced, a batch at a time is
 * flushed to disk, and only when every one is written are they renamed into
 * place. A failure removes the temps, and the folder if this export created it.
 */
export class FolderWriter {
  private temps: { temp: string; final: string }[] = []
  /** Temp files written but not yet flushed to disk, still open. */
  private open: number[] = []
  private createdFolder = false
  private done = false

  private constructor(readonly folder: string) {}

  /** Opens `folder` for writing, creating it (and its parents) when missing. */
  static async create(folder: string): Promise<FolderWriter> {
    const w = new FolderWriter(folder)
    try {
      const info = await stat(folder).catch((e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? null : Promise.reject(e)))
      if (info && !info.isDirectory())
        throw new ScholiaError('io', `${folder} is a file — Markdown export writes one file per article; choose a folder`)
      if (!info) {
        await mkdir(folder, { recursive: true })
        w.createdFolder = true
      }
    } catch (e) {
      throw writeError(e, join(folder, 'notes.md'))
    }
    return w
  }

  /**
   * Writes one whole file to its temp name; `finalPath` must be inside the
   * folder (see insideFolder). Synchronous: a note file is a few KB, and a
   * blocking open and write cost far less than trips through the thread
   * pool. The file stays open until `flush` syncs it, so it is never opened
   * twice.
   */
  writeFile(finalPath: string, content: string): void {
    const temp = tempBeside(finalPath)
    this.temps.push({ temp, final: finalPath })
    let fd: number | null = null
    try {
      fd = openSync(temp, 'wx')
      this.open.push(fd)
      writeSync(fd, content, null, 'utf8')
    } catch (e) {
      throw writeError(e, finalPath)
    }
  }

  /** Flushes the files written since the last flush to disk (in parallel on the thread pool) and closes them. */
  async flush(): Promise<void> {
    const fds = this.open
    this.open = []
    try {
      for (let i = 0; i < fds.length; i += FSYNC_PARALLEL)
        await Promise.all(fds.slice(i, i + FSYNC_PARALLEL).map((fd) => new Promise<void>((res, rej) => fsync(fd, (e) => (e ? rej(e) : res())))))
    } catch (e) {
      throw writeError(e, join(this.folder, 'notes.md'))
    } finally {
      for (const fd of fds) closeSync(fd)
    }
  }

  /** Flushes what is left, then renames every file into place. */
  async commit(): Promise<void> {
    await this.flush()
    try {
      for (const { temp, final } of this.temps) renameSync(temp, final)
      this.done = true
    } catch (e) {
      throw writeError(e, join(this.folder, 'notes.md'))
    }
    await syncFolder(this.folder)
  }

  async abort(): Promise<void> {
    if (this.done) return
    this.done = true
    for (const fd of this.open.splice(0)) closeSync(fd)
    await Promise.all(this.temps.map(({ temp }) => unlink(temp).catch(() => {})))
    if (this.createdFolder) await rmdir(this.folder).catch(() => {})
  }
}
