import { describe, expect, it } from 'vitest'
import { findAll, matchFrom } from './find'

describe('find in article', () => {
  it('finds every occurrence regardless of case, at exact offsets', () => {
    const text = 'The cat. the CAT! Кот и кот.'
    const r = findAll(text, 'the cat')
    expect(r.matches.map((m) => text.slice(m.start, m.end))).toEqual(['The cat', 'the CAT'])
    expect(findAll(text, 'КОТ').matches).toHaveLength(2)
  })

  it('a phrase matches across a line or paragraph break', () => {
    const text = 'end of one\nparagraph'
    expect(findAll(text, 'one paragraph').matches).toEqual([{ start: 7, end: 20 }])
  })

  it('treats the query as plain text, not a pattern', () => {
    expect(findAll('a.b axb (c)', 'a.b').matches).toHaveLength(1)
    expect(findAll('a.b axb (c)', '(c)').matches).toHaveLength(1)
  })

  it('stops at the limit and says so', () => {
    const r = findAll('a'.repeat(50), 'a', 10)
    expect(r.matches).toHaveLength(10)
    expect(r.truncated).toBe(true)
  })

  it('an empty query finds nothing', () => {
    expect(findAll('abc', '   ').matches).toEqual([])
  })

  it('starts from the first match at the reading position, wrapping round', () => {
    const m = [{ start: 5, end: 6 }, { start: 10, end: 11 }]
    expect(matchFrom(m, 0)).toBe(0)
    expect(matchFrom(m, 6)).toBe(1)
    expect(matchFrom(m, 11)).toBe(0)
    expect(matchFrom([], 3)).toBe(-1)
  })
})
