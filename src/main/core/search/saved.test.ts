import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../library'
import { dispatch } from '../service/dispatch'
import { createHandlers } from '../service/handlers'
import { tempLibrary } from '../testing/temp-library'
import { createSaved, deleteSaved, listSaved, updateSaved } from './saved'

let t: ReturnType<typeof tempLibrary>
let lib: Library
beforeEach(() => {
  t = tempLibrary()
  lib = t.lib
})
afterEach(() => t.dispose())

describe('saved searches', () => {
  it('are kept by name, renamed, and deleted with their contents returned for undo', () => {
    const s = createSaved(lib, 'Мерзлота', 'мерзлота tag:science', '2024-01-01T00:00:00.000Z')
    createSaved(lib, 'Another', 'is:unread')
    expect(listSaved(lib).map((x) => x.name)).toEqual(['Another', 'Мерзлота'])
    expect(updateSaved(lib, s.id, { name: 'Permafrost' })).toMatchObject({ name: 'Permafrost', query: 'мерзлота tag:science' })
    const gone = deleteSaved(lib, s.id)
    expect(gone).toEqual({ id: s.id, name: 'Permafrost', query: 'мерзлота tag:science', createdAt: '2024-01-01T00:00:00.000Z' })
    expect(listSaved(lib).map((x) => x.name)).toEqual(['Another'])
  })

  it('refuses a query that would not run, and a duplicate name', () => {
    expect(() => createSaved(lib, 'Bad', '"unclosed')).toThrow(/unclosed quote/)
    createSaved(lib, 'Inbox', 'is:unread')
    expect(() => createSaved(lib, 'INBOX', 'x')).toThrow(/a saved search named "Inbox" exists/)
  })
})

describe('search through the API', () => {
  it('answers a malformed query with invalid_argument and the parser’s message, not an internal error', async () => {
    const handlers = createHandlers(lib, { version: 'test', mode: 'browser' })
    const r = await dispatch(handlers, 'search.query', { q: 'color:mauve' }, { transport: 'test' }, () => {})
    expect(r).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/^search: unknown colour "mauve"/) } })
    const list = await dispatch(handlers, 'articles.list', { filter: { query: '"open' } }, { transport: 'test' }, () => {})
    expect(list).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })
})
