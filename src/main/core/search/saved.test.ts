import { describe, expect, it } from 'vitest'
import { dispatch } from '../service/dispatch'
import { createHandlers } from '../service/handlers'
import { useTempLibrary } from '../testing/temp-library'
import { createSaved, deleteSaved, listSaved, updateSaved } from './saved'

const t = useTempLibrary()

describe('saved searches', () => {
  it('are kept by name, renamed, and deleted with their contents returned for undo', () => {
    const s = createSaved(t.lib, 'Мерзлота', 'мерзлота tag:science', '2024-01-01T00:00:00.000Z')
    createSaved(t.lib, 'Another', 'is:unread')
    expect(listSaved(t.lib).map((x) => x.name)).toEqual(['Another', 'Мерзлота'])
    expect(updateSaved(t.lib, s.id, { name: 'Permafrost' })).toMatchObject({ name: 'Permafrost', query: 'мерзлота tag:science' })
    const gone = deleteSaved(t.lib, s.id)
    expect(gone).toEqual({ id: s.id, name: 'Permafrost', query: 'мерзлота tag:science', createdAt: '2024-01-01T00:00:00.000Z' })
    expect(listSaved(t.lib).map((x) => x.name)).toEqual(['Another'])
  })

  it('refuses a query that would not run, and a duplicate name', () => {
    expect(() => createSaved(t.lib, 'Bad', '"unclosed')).toThrow(/unclosed quote/)
    createSaved(t.lib, 'Inbox', 'is:unread')
    expect(() => createSaved(t.lib, 'INBOX', 'x')).toThrow(/a saved search named "Inbox" exists/)
  })
})

describe('search through the API', () => {
  it('answers a malformed query with invalid_argument and the parser’s message, not an internal error', async () => {
    const handlers = createHandlers(t.lib, { version: 'test', mode: 'browser' })
    const r = await dispatch(handlers, 'search.query', { q: 'color:mauve' }, { transport: 'test' }, () => {})
    expect(r).toEqual({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/^search: unknown colour "mauve"/) } })
    const list = await dispatch(handlers, 'articles.list', { filter: { query: '"open' } }, { transport: 'test' }, () => {})
    expect(list).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })
})
