import { describe, expect, it } from 'vitest'
import { overlaps, sameSpans } from './overlap'

describe('overlapping highlights', () => {
  it('marks only the text under two or more highlights', () => {
    expect(overlaps([{ start: 0, end: 10 }, { start: 5, end: 15 }])).toEqual([{ start: 5, end: 10 }])
  })

  it('touching highlights do not overlap', () => {
    expect(overlaps([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toEqual([])
  })

  it('identical highlights overlap entirely, and nested ones on the inner part', () => {
    expect(overlaps([{ start: 2, end: 4 }, { start: 2, end: 4 }])).toEqual([{ start: 2, end: 4 }])
    expect(overlaps([{ start: 0, end: 20 }, { start: 5, end: 8 }, { start: 12, end: 14 }])).toEqual([
      { start: 5, end: 8 },
      { start: 12, end: 14 }
    ])
  })

  it('merges a run covered by different pairs into one part', () => {
    expect(overlaps([{ start: 0, end: 10 }, { start: 5, end: 20 }, { start: 8, end: 30 }])).toEqual([{ start: 5, end: 20 }])
  })
})

describe('repainting only what changed', () => {
  it('a highlight saved with its new id paints the same ranges; a new one or a moved one does not', () => {
    const before = [{ start: 0, end: 5 }, { start: 8, end: 12 }]
    expect(sameSpans(before, [{ id: 'saved', start: 0, end: 5 }, { start: 8, end: 12 }])).toBe(true)
    expect(sameSpans(before, [...before, { start: 20, end: 25 }])).toBe(false)
    expect(sameSpans(before, [{ start: 0, end: 5 }, { start: 8, end: 13 }])).toBe(false)
  })
})
