import { describe, expect, it } from 'vitest'
import { overlaps } from './overlap'

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
