/**
 * Byte results over the browser-mode bridge: an article's content goes out as
 * raw UTF-8 (no JSON), behind the same token and headers as every answer.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BYTES_CONTENT_TYPE } from '../shared/api/reading'
import { storeText } from './core/annotations/test-library'
import { Library } from './core/library'
import { createHandlers } from './core/service/handlers'
import { startServer, type RunningServer } from './serve'

let dir: string
let lib: Library
let server: RunningServer
let id: string
const TEXT = 'Ein 😀 Satz.\n\n中文。\n\nمرحبا — "quoted" <b> & co.'

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-serve-bytes-'))
  lib = Library.open(join(dir, 'library.db'))
  id = storeText(lib, TEXT)
  server = await startServer({ lib, handlers: createHandlers(lib, { version: 'test', mode: 'browser' }), rendererDir: dir })
})
afterAll(async () => {
  await server.close()
  lib.close()
  rmSync(dir, { recursive: true, force: true })
})

const post = (method: string, body: unknown, token = server.token) =>
  fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body)
  })

describe('article content over the browser-mode bridge', () => {
  it('comes as the UTF-8 bytes of the stored HTML and text, with nosniff and no caching', async () => {
    const whole = (await (await post('articles.get', { id })).json()) as { result: { html: string; text: string } }
    for (const part of ['html', 'text'] as const) {
      const res = await post('articles.content', { id, part })
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(BYTES_CONTENT_TYPE)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('cache-control')).toBe('no-store')
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer())).toBe(whole.result[part])
    }
  })

  it('errors stay JSON envelopes, and the token is still required', async () => {
    const missing = await post('articles.content', { id: '00000000-0000-0000-0000-000000000000', part: 'text' })
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/)
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('not_found')
    expect((await post('articles.content', { id, part: 'text' }, 'wrong')).status).toBe(401)
  })
})
