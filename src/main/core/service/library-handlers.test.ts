import { beforeEach, describe, expect, it } from 'vitest'
import { addArticle } from '../library/test-articles'
import { useTempLibrary } from '../testing/temp-library'
import { dispatch } from './dispatch'
import { createHandlers } from './handlers'

const t = useTempLibrary()
let handlers: ReturnType<typeof createHandlers>
beforeEach(() => {
  handlers = createHandlers(t.lib, { version: 'test', mode: 'browser' })
})

const call = (method: string, args: unknown) => dispatch(handlers, method, args, { transport: 'test' }, () => {})
const message = async (method: string, args: unknown) => {
  const r = await call(method, args)
  expect(r.ok, JSON.stringify(r)).toBe(false)
  return !r.ok ? `${r.error.code}: ${r.error.message}` : ''
}

describe('library, tag and search API', () => {
  it('names the bad argument of a selection or filter and says what is expected', async () => {
    expect(await message('library.tag', { selection: { ids: ['nope'] }, add: ['x'] })).toMatch(/^invalid_argument: library.tag: invalid selection.ids.0 — must be an id/)
    expect(await message('library.tag', { selection: { ids: [] }, add: ['x'] })).toMatch(/selection.ids — select at least one article/)
    expect(await message('library.tag', { selection: {}, add: ['x'] })).toMatch(/give either ids .* or filter/)
    expect(await message('library.tag', { selection: { filter: {} } })).toMatch(/give a tag to add or remove/)
    expect(await message('library.archive', { selection: { filter: { read: 'maybe' } } })).toMatch(/selection.filter.read/)
    expect(await message('articles.list', { filter: { from: '2024/01/01' } })).toMatch(/filter.from — must be a date like 2024-03-31/)
    expect(await message('library.editMeta', { selection: { filter: {} }, published: 'last week' })).toMatch(/published — must be a date/)
    expect(await message('tags.rename', { from: 'a', to: '' })).toMatch(/invalid to — tag is empty/)
    expect(await message('library.tag', { selection: { filter: {} }, add: ['a//b'] })).toMatch(/^invalid_argument: tag "a\/\/b" has an empty part/)
  })

  it('tells open views to refresh after a bulk change', async () => {
    const a = addArticle(t.lib, { title: 'A' })
    const events: string[] = []
    t.lib.subscribe((e, p) => events.push(`${e}:${(p as { reason: string }).reason}`))
    expect(await call('library.tag', { selection: { ids: [a.id] }, add: ['x'] })).toEqual({ ok: true, result: { matched: 1, changed: 1 } })
    expect(await call('tags.rename', { from: 'x', to: 'y' })).toEqual({ ok: true, result: { renamed: 1 } })
    expect(events).toEqual(['library.changed:tags', 'library.changed:tags'])
  })
})
