import { describe, expect, it } from 'vitest'
import { trimRange } from './trim-range'

describe('trimRange', () => {
  it('drops the spaces a mouse selection picks up around the words', () => {
    const text = 'one  two words  three'
    expect(trimRange(text, 3, 16)).toEqual({ start: 5, end: 14 })
    expect(text.slice(5, 14)).toBe('two words')
  })

  it('treats line breaks, tabs, non-breaking and ideographic spaces as whitespace', () => {
    const text = 'a\n\t\u00a0word\u3000\u00a0\r\nb'
    const { start, end } = trimRange(text, 1, text.length - 1)
    expect(text.slice(start, end)).toBe('word')
  })

  it('keeps whitespace inside the range', () => {
    const text = 'x two\u00a0words x'
    expect(trimRange(text, 2, 11)).toEqual({ start: 2, end: 11 })
  })

  it('returns an empty range for whitespace only, leaving the decision to the caller', () => {
    const { start, end } = trimRange('a   \n b', 1, 6)
    expect(start).toBe(end)
  })
})
