/**
 * Child process of the plain-text import benchmark: imports one folder into one
 * library, alone in its process, and prints one JSON line — wall time, CPU time of
 * the writer (main) thread and of the other threads, and the process's peak RSS
 * (VmHWM), which is the import's own memory, not the benchmark's corpus.
 *
 * argv: <library> <folder>
 */
import { Library } from '../../src/main/core/library'
import { itemsFromPaths } from '../../src/main/core/import/items'
import { importItems } from '../../src/main/core/import/pipeline'
import { peakRssMb, threadCpuMs } from './proc-stats'

export interface ImportChildResult {
  ms: number
  mainCpuMs: number | null
  otherCpuMs: number | null
  peakRssMb: number
  failed: string[]
}

async function main(): Promise<void> {
  const [db, folder] = process.argv.slice(2)
  const lib = Library.open(db)
  const items = await itemsFromPaths([folder])
  const before = threadCpuMs()
  const t0 = performance.now()
  const report = await importItems(lib, items)
  const ms = performance.now() - t0
  const after = threadCpuMs()
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
  const result: ImportChildResult = { ms, mainCpuMs, otherCpuMs, peakRssMb: peakRssMb(), failed: failed.slice(0, 3) }
  process.stdout.write(JSON.stringify(result) + '\n')
}

void main()
