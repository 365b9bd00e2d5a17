/**
 * Import workers run at a lower CPU priority than the rest of the process. The single
 * SQLite writer (the main thread, which also answers the UI) is the import's bottleneck:
 * with two workers and the writer on two cores, the scheduler shared the cores evenly and
 * the writer waited a fifth of the time for a core while the workers it feeds were ahead
 * anyway. At nice 10 a worker takes a core only when the writer does not want it.
 *
 * Linux only: there the nice value is per thread (setpriority(2) on a thread id), found
 * through /proc/thread-self. Elsewhere setPriority would change the whole process, so
 * nothing is done.
 */
import { readlinkSync } from 'node:fs'
import { setPriority } from 'node:os'

/** Nice value of import workers: low enough that the writer wins a core, not so low they starve behind other programs. */
export const WORKER_NICE = 10

/** Lowers the calling thread's priority to WORKER_NICE; true when it did. Never throws. */
export function lowerThreadPriority(nice = WORKER_NICE): boolean {
  if (process.platform !== 'linux') return false
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop())
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false
    setPriority(tid, nice)
    return true
  } catch {
    // No /proc (a sandbox) or not allowed: the workers run at normal priority, as before.
    return false
  }
}
