import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { ImportError } from './types'
import type { ParseHints } from './parsers'
import type { WaitingDoc } from './prepare'
import type { PrepareRequest, PrepareResponse } from './prepare-worker'

/**
 * Heap limit of one worker. Parsing a hostile file can take far more memory than its
 * size; past this the worker dies and only that file fails, instead of the app.
 */
export const WORKER_HEAP_MB = 1024

/** Where the worker's code is: next to the bundle when built, else the TS source through tsx. */
function spawnWorker(): Worker {
  const here = import.meta.url
  const resourceLimits = { maxOldGenerationSizeMb: WORKER_HEAP_MB }
  if (here.endsWith('.ts')) {
    return new Worker(new URL('./worker-boot.mjs', here), {
      workerData: { entry: new URL('./prepare-worker.ts', here).href },
      resourceLimits
    })
  }
  return new Worker(new URL('./prepare-worker.js', here), { resourceLimits })
}

interface Pending {
  resolve(docs: WaitingDoc[]): void
  reject(e: Error): void
}

interface Slot {
  worker: Worker
  pending: Map<number, Pending>
  /** Requests made in this tick, sent as one message: a message per file costs the writer thread more than the file. */
  outbox: PrepareRequest[]
}

/** A file for the pool: its bytes, or its path for the worker to read. */
export type PrepareInput = { bytes: Uint8Array } | { path: string }

/**
 * Prepares files on worker threads, one per core: parsing and sanitising are the
 * slow part of an import, and SQLite has one writer anyway, so the main thread
 * only writes. Each file goes to the worker with the least work queued; files asked
 * for in the same tick travel in one message.
 */
export class PreparePool {
  private slots: Slot[] = []
  private nextId = 1

  constructor(readonly size = Math.max(1, availableParallelism())) {}

  private spawn(): Slot {
    const slot: Slot = { worker: spawnWorker(), pending: new Map(), outbox: [] }
    slot.worker.on('message', (answers: PrepareResponse[]) => {
      for (const res of answers) {
        const p = slot.pending.get(res.id)
        if (!p) continue
        slot.pending.delete(res.id)
        if (res.ok) p.resolve(res.docs)
        else p.reject(res.expected ? new ImportError(res.message) : new Error(res.message))
      }
      if (slot.pending.size === 0) slot.worker.unref()
    })
    // A dead worker fails only its own files; the next request spawns a fresh one.
    const fail = (e: Error): void => {
      this.slots = this.slots.filter((s) => s !== slot)
      const outOfMemory = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY'
      for (const p of slot.pending.values())
        p.reject(outOfMemory ? new ImportError(`too large or complex to import (ran out of memory at ${WORKER_HEAP_MB} MB)`) : e)
      slot.pending.clear()
    }
    slot.worker.on('error', fail)
    slot.worker.on('exit', (code) => {
      if (slot.pending.size > 0) fail(new Error(`import worker stopped (exit code ${code})`))
    })
    // Referenced only while it has work: while the main thread awaits a worker's answer
    // nothing else may keep the process alive (an unref'd busy worker once let the CLI
    // exit silently with nothing imported), and an idle one must not keep it alive.
    slot.worker.unref()
    this.slots.push(slot)
    return slot
  }

  private leastBusy(): Slot {
    if (this.slots.length < this.size) return this.spawn()
    return this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a))
  }

  prepare(input: PrepareInput, name: string, source: string | null, hints?: ParseHints): Promise<WaitingDoc[]> {
    const id = this.nextId++
    const slot = this.leastBusy()
    return new Promise<WaitingDoc[]>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref()
      slot.pending.set(id, { resolve, reject })
      if (slot.outbox.length === 0) queueMicrotask(() => this.flush(slot))
      slot.outbox.push({ id, name, source, hints, ...input })
    })
  }

  private flush(slot: Slot): void {
    const batch = slot.outbox
    slot.outbox = []
    if (batch.length > 0) slot.worker.postMessage(batch)
  }

  async close(): Promise<void> {
    const slots = this.slots
    this.slots = []
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}

/** An idle pool is kept this long, so back-to-back imports (drops, pastes) do not restart the workers. */
export const POOL_IDLE_MS = 30_000

let shared: { pool: PreparePool; users: number; idle: NodeJS.Timeout | null } | null = null

/** True while the shared pool's workers are up (in use, or idle within POOL_IDLE_MS). */
export const poolRunning = (): boolean => shared !== null

/** The process's pool, started on first use; give it back with releasePool. */
export function acquirePool(): PreparePool {
  if (!shared) shared = { pool: new PreparePool(), users: 0, idle: null }
  if (shared.idle) clearTimeout(shared.idle)
  shared.idle = null
  shared.users++
  return shared.pool
}

/** Ends one use of the shared pool; its workers stop after POOL_IDLE_MS without use. */
export function releasePool(pool: PreparePool): void {
  if (!shared || shared.pool !== pool || --shared.users > 0) return
  const s = shared
  s.idle = setTimeout(() => {
    if (shared === s && s.users === 0) {
      shared = null
      void s.pool.close()
    }
  }, POOL_IDLE_MS)
  s.idle.unref()
}
