/** CPU time per thread and peak memory of this process, read from /proc (Linux). */
import { readdirSync, readFileSync } from 'node:fs'

const TICK_MS = 10

/** CPU milliseconds of each thread of this process (Linux), by thread id. */
export function threadCpuMs(): Map<string, number> | null {
  try {
    const out = new Map<string, number>()
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime and stime, in clock ticks (100 per second on Linux).
      out.set(tid, (Number(fields[11]) + Number(fields[12])) * TICK_MS)
    }
    return out
  } catch {
    return null
  }
}

/** Peak resident memory of this process so far, in MB. */
export function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s*(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]
    if (kb) return Number(kb) / 1024
  } catch {
    // not Linux: fall back to the current RSS
  }
  return process.memoryUsage().rss / 1048576
}

/**
 * Milliseconds this process's main thread has spent runnable but waiting for a core
 * (the second field of schedstat, Linux with schedstats), or null where unknown.
 */
export function mainRunQueueMs(): number | null {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(' ')
    return Number(fields[1]) / 1e6
  } catch {
    return null
  }
}
