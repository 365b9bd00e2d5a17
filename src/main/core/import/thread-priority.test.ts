import { readdirSync, readFileSync } from 'node:fs'
import { getPriority } from 'node:os'
import { describe, expect, it } from 'vitest'
import { lowerThreadPriority, WORKER_NICE } from './thread-priority'
import { PreparePool } from './worker-pool'

/** Nice value of each thread of this process, by thread id (field 19 of /proc/…/stat). */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>()
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]))
  }
  return out
}

describe.runIf(process.platform === 'linux')('import workers run at a lower priority than the writer', () => {
  it('never lowers the main thread', () => {
    const before = getPriority()
    expect(lowerThreadPriority()).toBe(false)
    expect(getPriority()).toBe(before)
  })

  it('lowers each worker of the pool, and only it', async () => {
    const before = getPriority()
    const threadsBefore = new Set(threadNices().keys())
    const pool = new PreparePool(2)
    try {
      const docs = await Promise.all(
        [0, 1, 2, 3].map((i) => pool.prepare({ bytes: Buffer.from(`Title ${i}\n\nSome text to read.`) }, `n${i}.txt`, null))
      )
      expect(docs.flat()).toHaveLength(4)
      const lowered = [...threadNices()].filter(([tid, nice]) => !threadsBefore.has(tid) && nice === Math.max(before, WORKER_NICE))
      // Each worker thread (Node runs a few helper threads per worker too, at the process's priority).
      expect(lowered.length).toBeGreaterThanOrEqual(2)
      expect(getPriority()).toBe(before)
      expect(threadNices().get(process.pid)).toBe(before)
    } finally {
      await pool.close()
    }
  })
})
