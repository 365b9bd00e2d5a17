import { describe, expect, it } from 'vitest'
import { expandToCharacters, splitsSurrogatePair } from './boundaries'

describe('expandToCharacters', () => {
  const text = 'a😀b e\u0301 🇰🇿 👩‍👩‍👧 z'

  it('widens a range that cuts a surrogate pair to the whole emoji', () => {
    const emoji = text.indexOf('😀')
    expect(expandToCharacters(text, emoji + 1, emoji + 3)).toEqual({ start: emoji, end: emoji + 3 })
    expect(expandToCharacters(text, 0, emoji + 1)).toEqual({ start: 0, end: emoji + 2 })
  })

  it('keeps a combining accent with its letter', () => {
    const e = text.indexOf('e\u0301')
    expect(expandToCharacters(text, e, e + 1)).toEqual({ start: e, end: e + 2 })
    expect(expandToCharacters(text, e + 1, e + 2)).toEqual({ start: e, end: e + 2 })
  })

  it('treats a flag and a ZWJ family as one character each', () => {
    const flag = text.indexOf('🇰🇿')
    expect(expandToCharacters(text, flag + 2, flag + 3)).toEqual({ start: flag, end: flag + 4 })
    const family = text.indexOf('👩‍👩‍👧')
    expect(expandToCharacters(text, family + 3, family + 4)).toEqual({ start: family, end: family + 8 })
  })

  it('leaves ranges that already fall on character boundaries alone', () => {
    expect(expandToCharacters(text, 0, text.length)).toEqual({ start: 0, end: text.length })
    expect(expandToCharacters(text, 1, 3)).toEqual({ start: 1, end: 3 })
  })
})

describe('splitsSurrogatePair', () => {
  it('is true only between the halves of a pair', () => {
    expect([0, 1, 2, 3, 4].map((i) => splitsSurrogatePair('a😀b', i))).toEqual([false, false, true, false, false])
  })
})
