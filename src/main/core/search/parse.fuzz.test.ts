/**
 * Fuzzing the search box end to end: anything typed into it — operators, quotes,
 * FTS5 syntax, control characters — gives results or a one-line invalid_argument
 * error through the API, never an internal error (such as an FTS5 syntax error
 * escaping from SQLite) and never a slow query.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordFigure } from '../reliability/figures'
import { executions, fuzz, FUZZ_TIMEOUT_MS, hangWatch, regressionInputs, survives } from '../reliability/fuzz'
import { searchQuery } from '../reliability/fuzz-inputs'
import { dispatch, type Handlers } from '../service/dispatch'
import { createHandlers } from '../service/handlers'
import { fillSampleData } from '../testing/sample-data'
import { tempLibrary } from '../testing/temp-library'
import { parseQuery } from './parse'

const TARGET = 'search'
let t: ReturnType<typeof tempLibrary>
let handlers: Handlers
beforeAll(() => {
  t = tempLibrary()
  fillSampleData(t.lib)
  handlers = createHandlers(t.lib, { version: 'test', mode: 'browser' })
})
afterAll(() => t.dispose())

async function check(q: string): Promise<void> {
  await survives('parseQuery', () => parseQuery(q))
  for (const [method, args] of [
    ['search.query', { q, limit: 20 }],
    ['articles.list', { filter: { query: q } }],
    ['search.saved.create', { name: 'fuzz', query: q }]
  ] as const) {
    const done = hangWatch(`${method} ${JSON.stringify(q)}`)
    const r = await dispatch(handlers, method, args, { transport: 'test' }, () => {})
    if (!r.ok) expect(r.error.code, `${method} ${JSON.stringify(q)}: ${r.error.message}`).not.toBe('internal')
    done()
  }
}

describe('fuzzing search queries', () => {
  it('anything typed into the search box gives results or a clear error, never an internal one', async () => {
    await fuzz(TARGET, fc.oneof(searchQuery, fc.string({ unit: 'binary', maxLength: 100 })), check, 1500, (q) => ({ bytes: new Uint8Array(Buffer.from(q, 'utf8')), ext: 'txt' }))
    recordFigure(`fuzz-${TARGET}`, { executions: executions[TARGET] })
  }, FUZZ_TIMEOUT_MS)

  it.each(regressionInputs(TARGET).map((r) => [r.name, Buffer.from(r.bytes).toString('utf8')] as const))('replays %s', async (_name, q) => {
    await check(q)
  })
})
