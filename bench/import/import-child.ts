/**
 * Child process of the plain-text import benchmark: imports one folder into one
 * library, alone in its process, and prints one JSON line — wall time, CPU time of
 * the writer (main) thread and of the other threads, the process's peak RSS (VmHWM),
 * which is the import's own memory, not the benchmark's corpus, and the peaks of the
 * main thread's heap and of memory outside it, sampled while it runs.
 * With BENCH_MEM_LOG=<file>, every sample is written there as a CSV line.
 *
 * argv: <library> <folder>
 */
import { appendFileSync, writeFileSync } from 'node:fs'
import { Library } from '../../src/main/core/library'
import { itemsFromPaths } from '../../src/main/core/import/items'
import { importItems } from '../../src/main/core/import/pipeline'
import { mainRunQueueMs, peakRssMb, threadCpuMs } from './proc-stats'

export interface ImportChildResult {
  ms: number
  mainCpuMs: number | null
  /** Milliseconds the writer (main) thread was runnable but waiting for a core (Linux), null where unknown. */
  mainWaitMs: number | null
  otherCpuMs: number | null
  peakRssMb: number
  /** Peaks over the samples, MB: main-thread V8 heap used, and memory outside V8 heaps (SQLite, buffers). */
  peakHeapMb: number
  peakExternalMb: number
  failed: string[]
}

/** Memory is sampled this often; RSS moves slowly, and a sample costs microseconds. */
const SAMPLE_MS = 250
const MB = 1048576

async function main(): Promise<void> {
  const [db, folder] = process.argv.slice(2)
  const log = process.env.BENCH_MEM_LOG
  if (log) writeFileSync(log, 'seconds,done,rss_mb,heap_used_mb,heap_total_mb,external_mb,array_buffers_mb\n')
  const lib = Library.open(db)
  const items = await itemsFromPaths([folder])
  const before = threadCpuMs()
  const wait0 = mainRunQueueMs()
  const t0 = performance.now()
  let done = 0
  let peakHeapMb = 0
  let peakExternalMb = 0
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    peakHeapMb = Math.max(peakHeapMb, m.heapUsed / MB)
    peakExternalMb = Math.max(peakExternalMb, m.external / MB)
    if (log)
      appendFileSync(
        log,
        [(performance.now() - t0) / 1000, done, m.rss / MB, m.heapUsed / MB, m.heapTotal / MB, m.external / MB, m.arrayBuffers / MB]
          .map((x) => Math.round(x * 10) / 10)
          .join(',') + '\n'
      )
  }, SAMPLE_MS)
  const report = await importItems(lib, items, { onProgress: (p) => (done = p.done) })
  const ms = performance.now() - t0
  clearInterval(sampler)
  const after = threadCpuMs()
  const wait1 = mainRunQueueMs()
  const mainWaitMs = wait0 === null || wait1 === null ? null : wait1 - wait0
  lib.close()
  const main = String(process.pid)
  let mainCpuMs: number | null = null
  let otherCpuMs: number | null = null
  if (before && after) {
    mainCpuMs = (after.get(main) ?? 0) - (before.get(main) ?? 0)
    otherCpuMs = 0
    for (const [tid, v] of after) if (tid !== main) otherCpuMs += v - (before.get(tid) ?? 0)
  }
  const failed = report.outcomes.flatMap((o) => ('error' in o ? [o.error] : []))
  const result: ImportChildResult = { ms, mainCpuMs, mainWaitMs, otherCpuMs, peakRssMb: peakRssMb(), peakHeapMb, peakExternalMb, failed: failed.slice(0, 3) }
  process.stdout.write(JSON.stringify(result) + '\n')
}

void main()
