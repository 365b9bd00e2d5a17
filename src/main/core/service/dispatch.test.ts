import { beforeEach, describe, expect, it } from 'vitest'
import { useTempLibrary } from '../testing/temp-library'
import { dispatch } from './dispatch'
import { createHandlers } from './handlers'

const t = useTempLibrary()
let handlers: ReturnType<typeof createHandlers>
beforeEach(() => {
  handlers = createHandlers(t.lib, { version: 'test', mode: 'browser' })
})

const call = (method: unknown, args: unknown) => dispatch(handlers, method, args, { transport: 'test' }, () => {})

describe('API validation', () => {
  it('answers an unknown method with a typed error, not a crash', async () => {
    expect(await call('articles.explode', {})).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'unknown method articles.explode' } })
  })

  it('names the bad argument and why', async () => {
    const r = await call('articles.get', { id: 'not-an-id' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    expect(!r.ok && r.error.message).toMatch(/^articles.get: invalid id — must be an id/)
  })

  it('refuses unexpected extra arguments', async () => {
    const r = await call('articles.list', { limit: 10, sql: 'DROP TABLE articles' })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('refuses arguments of the wrong type', async () => {
    for (const args of [null, 'x', 42, [], { limit: 'all' }, { limit: 1e9 }]) {
      const r = await call('articles.list', args)
      if (args === null) expect(r.ok).toBe(true)
      else expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
    }
  })

  it('reports a missing article as not_found with a hint', async () => {
    const r = await call('articles.get', { id: '1b4e28ba-2fa1-11d2-883f-0016d3cca427' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('reports an unexpected failure as internal without throwing', async () => {
    t.lib.close()
    const r = await call('articles.list', {})
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('fills defaults and answers a valid call', async () => {
    const r = await call('articles.list', {})
    expect(r).toEqual({ ok: true, result: { items: [], nextCursor: null, total: 0 } })
  })
})
