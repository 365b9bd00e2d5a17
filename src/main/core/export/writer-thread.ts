import { Worker } from 'node:worker_threads'

/** Files handed to the thread in one message: a message per file would cost the export more than the file. */
export const FILES_PER_MESSAGE = 64
/**
 * Characters of file content handed to the thread and not yet written before
 * the export waits for it: bounds memory when the disk is slower than the
 * rendering (on some file systems creating a file costs a millisecond).
 */
export const MAX_QUEUED_CHARS = 8 * 1024 * 1024

/**
 * The thread's code, plain CommonJS given as a string: it needs no bundling
 * step, so it runs the same under tsx, in the built app and in tests. Each
 * file is created exclusively ('wx') and written whole; after the first
 * failure the rest are skipped, since the export will be rolled back.
 */
const SOURCE = `
const { parentPort } = require('node:worker_threads')
const { writeFileSync } = require('node:fs')
let failed = false
parentPort.on('message', (files) => {
  let failure = null
  if (!failed)
    for (let i = 0; i < files.length; i += 2) {
      try {
        writeFileSync(files[i], files[i + 1], { flag: 'wx' })
      } catch (e) {
        failed = true
        failure = { code: (e && e.code) || 'error', message: String(e && e.message), path: files[i] }
        break
      }
    }
  parentPort.postMessage(failure)
})
`

/** A file the thread could not write: `code` as Node's errors have it, so callers word it like any write error. */
export interface WriteFailure {
  code: string
  message: string
  /** The path it was writing. */
  path: string
}

/**
 * Writes many small files on a thread of its own. Creating a file is kernel
 * work that takes as long as rendering it or longer (ext4 without a journal
 * can spend a millisecond finding a free inode); on this thread it overlaps
 * the export's reading and rendering instead of adding to them, and it runs
 * whole open–write–close sequences without waiting for the main thread's
 * event loop between calls, as the thread pool would.
 */
export class WriterThread {
  private readonly worker: Worker
  private outbox: string[] = []
  private outboxChars = 0
  /** Characters in each message sent and not yet answered, oldest first. */
  private readonly inFlight: number[] = []
  private queuedChars = 0
  private readonly inFlightFiles: number[] = []
  /** Files the thread has written (in the page cache, not yet flushed to disk). */
  written = 0
  private failure: WriteFailure | null = null
  private waiter: (() => void) | null = null
  private stopped = false

  constructor() {
    this.worker = new Worker(SOURCE, { eval: true })
    // The export always stops the thread; this only keeps a forgotten one from holding the process open.
    this.worker.unref()
    this.worker.on('message', (failure: WriteFailure | null) => {
      this.queuedChars -= this.inFlight.shift() ?? 0
      if (!failure) this.written += this.inFlightFiles.shift() ?? 0
      if (failure && !this.failure) this.failure = failure
      this.wake()
    })
    this.worker.on('error', (e: Error) => {
      this.failure ??= { code: (e as NodeJS.ErrnoException).code ?? 'error', message: e.message, path: '' }
      this.wake()
    })
    this.worker.on('exit', () => {
      if (!this.stopped) this.failure ??= { code: 'error', message: 'the writer thread stopped', path: '' }
      this.stopped = true
      this.wake()
    })
  }

  /** Queues one file; it is written in order with the others. Call `drained` to learn of failures. */
  write(path: string, content: string): void {
    this.outbox.push(path, content)
    this.outboxChars += content.length
    if (this.outbox.length >= FILES_PER_MESSAGE * 2) this.send()
  }

  /**
   * Waits until at most `maxQueuedChars` of content is still to be written
   * (0: every file queued so far is on disk, in the page cache), then throws
   * the first failure if there was one.
   */
  async drained(maxQueuedChars = 0): Promise<void> {
    if (maxQueuedChars === 0) this.send()
    while (!this.failure && !this.stopped && this.queuedChars > maxQueuedChars)
      await new Promise<void>((resolve) => (this.waiter = resolve))
    if (this.failure) throw Object.assign(new Error(this.failure.message), this.failure)
    if (this.queuedChars > maxQueuedChars) throw Object.assign(new Error('the writer thread stopped'), { code: 'error', path: '' })
  }

  /** Stops the thread; once this resolves nothing more is written. Safe to call twice. */
  async stop(): Promise<void> {
    this.stopped = true
    this.outbox = []
    await this.worker.terminate()
  }

  private send(): void {
    if (this.outbox.length === 0 || this.stopped) return
    this.worker.postMessage(this.outbox)
    this.inFlight.push(this.outboxChars)
    this.inFlightFiles.push(this.outbox.length / 2)
    this.queuedChars += this.outboxChars
    this.outbox = []
    this.outboxChars = 0
  }

  private wake(): void {
    const w = this.waiter
    this.waiter = null
    w?.()
  }
}
