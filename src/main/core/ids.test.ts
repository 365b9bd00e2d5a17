import { describe, expect, it } from 'vitest'
import { Id } from '../../shared/api/define'
import { newId } from './ids'

describe('newId', () => {
  it('makes RFC 9562 version 7 UUIDs that the API accepts', () => {
    const id = newId(Date.UTC(2026, 10, 27))
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(Id.safeParse(id).success).toBe(true)
    // The first 48 bits are the time in milliseconds.
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.UTC(2026, 10, 27))
  })

  it('sorts by creation time and never repeats', () => {
    const ids = Array.from({ length: 100_000 }, (_, i) => newId(1_700_000_000_000 + Math.floor(i / 50)))
    expect(new Set(ids).size).toBe(ids.length)
    for (let i = 50; i < ids.length; i += 50) expect(ids[i - 1] < ids[i]).toBe(true)
  })
})
