import { describe, expect, it } from 'vitest'
import { DEFAULT_PREFS, FONT_SIZE, parsePrefs, step } from './typography'

describe('reader typography settings', () => {
  it('reads back what was stored', () => {
    const p = { font: 'sans', fontSize: 22, lineHeight: 1.8, width: 38 }
    expect(parsePrefs(JSON.stringify(p))).toEqual(p)
  })

  it('an unreadable or hand-edited value falls back field by field, never breaking the reader', () => {
    expect(parsePrefs('not json')).toEqual(DEFAULT_PREFS)
    expect(parsePrefs(null)).toEqual(DEFAULT_PREFS)
    expect(parsePrefs(JSON.stringify({ fontSize: 999, lineHeight: 'x', font: 'comic' }))).toEqual({ ...DEFAULT_PREFS, fontSize: FONT_SIZE[1] })
  })

  it('steps stay within bounds', () => {
    expect(step(FONT_SIZE[1], FONT_SIZE, 1)).toBe(FONT_SIZE[1])
    expect(step(20, FONT_SIZE, -1)).toBe(19)
  })
})
