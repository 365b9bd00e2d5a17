import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { ImportError } from './types'
import type { PreparedDoc } from './prepare'
import type { PrepareRequest, PrepareResponse } from './prepare-worker'

/** Where the worker's code is: next to the bundle when built, else the TS source through tsx. */
function spawnWorker(): Worker {
  const here = import.meta.url
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./worker-boot.mjs', here), { workerData: { entry: new URL('./prepare-worker.ts', here).href } })
  }
  return new Worker(new URL('./prepare-worker.js', here))
}

interface Pending {
  resolve(docs: PreparedDoc[]): void
  reject(e: Error): void
}

/**
 * Prepares files on worker threads, one per core: parsing and sanitising are the
 * slow part of an import, and SQLite has one writer anyway, so the main thread
 * only writes.
 */
export class PreparePool {
  private workers: Worker[] = []
  private pending = new Map<number, Pending>()
  private nextId = 1
  private turn = 0

  constructor(readonly size = Math.max(1, availableParallelism())) {}

  private worker(): Worker {
    if (this.workers.length < this.size) {
      const w = spawnWorker()
      w.on('message', (res: PrepareResponse) => this.settle(res))
      w.on('error', (e) => {
        this.workers = this.workers.filter((x) => x !== w)
        this.failAll(e)
      })
      // Not unref'd: while the main thread awaits a worker's answer nothing else may
      // keep the process alive (the CLI), and an unref'd worker let it exit silently
      // with nothing imported. close() ends the workers when the import is done.
      this.workers.push(w)
      return w
    }
    return this.workers[this.turn++ % this.workers.length]
  }

  private settle(res: PrepareResponse): void {
    const p = this.pending.get(res.id)
    if (!p) return
    this.pending.delete(res.id)
    if (res.ok) p.resolve(res.docs)
    else p.reject(res.expected ? new ImportError(res.message) : new Error(res.message))
  }

  private failAll(e: Error): void {
    for (const p of this.pending.values()) p.reject(e)
    this.pending.clear()
  }

  prepare(bytes: Uint8Array, name: string, source: string | null): Promise<PreparedDoc[]> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject })
      const req: PrepareRequest = { id, bytes, name, source }
      this.worker().postMessage(req)
    })
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()))
    this.workers = []
  }
}
