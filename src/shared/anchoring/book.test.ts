import { describe, expect, it } from 'vitest'
import { book, CASES, flat } from '../../../bench/anchoring/book'
import { anchor } from './anchor'
import { describeRange } from './describe'

const { text, articleAt } = book()

describe('anchoring in a 3 MB book', () => {
  it('the synthetic book is book-length (over 3 million characters)', () => {
    expect(text.length).toBeGreaterThan(3_000_000)
  })

  for (const c of CASES) {
    it(`${c.name}: ${c.expected ? `found (${c.expected})` : 'kept as an orphan'}`, () => {
      const start = text.indexOf(c.phrase, articleAt)
      const edited = flat(c.edit(text))
      const result = anchor(edited, describeRange(text, start, start + c.phrase.length))
      if (c.expected === null) expect(result).toBeNull()
      else {
        expect(result?.method).toBe(c.expected)
        if (c.lands) expect(edited.slice(result!.start, result!.end)).toBe(c.lands)
      }
    })
  }
})
