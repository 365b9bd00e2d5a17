/** Timing helpers of the library benchmark: wall time, CPU time, percentiles. */
import { readFileSync } from 'node:fs'

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}
export const median = (xs: number[]): number => percentile(xs, 50)
export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1))

/** Wall time of fn in milliseconds. */
export function time(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

/** CPU time of this process (user + system) spent in fn: what the work costs, whatever else the shared machine runs. */
export function cpuTime(fn: () => unknown): number {
  const c = process.cpuUsage()
  fn()
  const d = process.cpuUsage(c)
  return (d.user + d.system) / 1000
}

/** Read counters of this process (Linux /proc/self/io), or null where the OS has none. */
export interface IoCounters {
  /** read() / pread() calls: with SQLite, pages its own cache did not hold. */
  syscr: number
  /** Bytes the OS fetched from the disk for this process: pages its page cache did not hold either. */
  diskBytes: number
}

export function ioCounters(): IoCounters | null {
  try {
    const text = readFileSync('/proc/self/io', 'utf8')
    const get = (k: string) => Number(new RegExp(`^${k}: (\\d+)`, 'm').exec(text)?.[1] ?? NaN)
    const c = { syscr: get('syscr'), diskBytes: get('read_bytes') }
    return Number.isFinite(c.syscr) && Number.isFinite(c.diskBytes) ? c : null
  } catch {
    return null
  }
}
