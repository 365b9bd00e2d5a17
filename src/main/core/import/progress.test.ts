import { describe, expect, it, vi } from 'vitest'
import { throttleProgress } from './progress'

describe('import progress for the UI', () => {
  it('passes the first report, failures and the end at once, and the rest at most once per interval', () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    try {
      const seen: number[] = []
      const report = throttleProgress((p) => seen.push(p.done), 100)
      const at = (done: number, failed = 0, current: string | null = `f${done}`) => report({ done, total: 1000, current, failed })
      at(0)
      for (let i = 1; i < 50; i++) at(i)
      at(50, 1)
      vi.advanceTimersByTime(150)
      at(51, 1)
      at(52, 1)
      at(1000, 1, null)
      expect(seen).toEqual([0, 50, 51, 1000])
    } finally {
      vi.useRealTimers()
    }
  })
})
