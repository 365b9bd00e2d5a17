import { describe, expect, it } from 'vitest'
import { actionFor } from './keyboard'

const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods }) as KeyboardEvent

describe('reader shortcuts', () => {
  it('maps the documented keys', () => {
    expect(actionFor(key('h'))).toBe('highlight')
    expect(actionFor(key('3'))).toBe('highlight-color')
    expect(actionFor(key('f', { ctrlKey: true }))).toBe('find')
    expect(actionFor(key('f', { metaKey: true }))).toBe('find')
    expect(actionFor(key(' ', { shiftKey: true }))).toBe('page-up')
    expect(actionFor(key(']'))).toBe('next-article')
    expect(actionFor(key('?'))).toBe('help')
  })

  it('leaves browser shortcuts alone', () => {
    expect(actionFor(key('c', { ctrlKey: true }))).toBeNull()
    expect(actionFor(key('7'))).toBeNull()
  })
})
