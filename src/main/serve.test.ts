/**
 * The browser-mode bridge is a local web server holding a user's library: only
 * the page it printed the URL of may use it. Each test is one way another page,
 * another machine or a crafted request could try to get in.
 */
import { request } from 'node:http'
import { connect } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { methodNames } from '../shared/api'
import { MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES } from './bridge/body'
import { CONTENT_SECURITY_POLICY } from './bridge/security'
import { Library } from './core/library'
import { createHandlers } from './core/service/handlers'
import { fillSampleData } from './core/testing/sample-data'
import { startServer, type RunningServer } from './serve'

const SECRET = 'the-secret-outside-the-renderer'

let dir: string
let lib: Library
let server: RunningServer
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-serve-'))
  const renderer = join(dir, 'renderer')
  mkdirSync(join(renderer, 'assets'), { recursive: true })
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Scholia</title><script type="module" src="/assets/app.js"></script>')
  writeFileSync(join(renderer, 'assets', 'app.js'), 'console.log("app")')
  writeFileSync(join(dir, 'secret.txt'), SECRET)
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'))
  lib = Library.open(join(dir, 'library.db'))
  fillSampleData(lib)
  server = await startServer({ lib, handlers: createHandlers(lib, { version: 'test', mode: 'browser' }), rendererDir: renderer })
})
afterAll(async () => {
  await server.close()
  lib.close()
  rmSync(dir, { recursive: true, force: true })
})

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request, so Host, paths and bodies can be anything a browser or attacker could send. */
function send(opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; host?: string; port?: number }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: opts.host ?? '127.0.0.1',
        port: opts.port ?? server.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
        // A fresh connection each time: a refused upload leaves its connection unusable.
        agent: false,
        // SSE never ends; a short read is enough to see the status and headers.
        timeout: 5_000
      },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (c: string) => {
          body += c
          if (res.headers['content-type']?.startsWith('text/event-stream')) res.destroy()
        })
        res.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      }
    )
    req.on('error', reject)
    req.end(opts.body)
  })
}

const auth = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' })
const api = (method: string, headers: Record<string, string> = {}, body = '{}') => send({ method: 'POST', path: `/api/${method}`, headers, body })

describe('browser-mode bridge', () => {
  it('every API method refuses a call without the token, with a wrong one, or with the token anywhere but the header', async () => {
    expect(methodNames.length).toBeGreaterThan(10)
    const wrong = `${server.token.slice(0, -1)}${server.token.endsWith('A') ? 'B' : 'A'}`
    for (const m of methodNames) {
      expect((await api(m, { 'Content-Type': 'application/json' })).status, m).toBe(401)
      expect((await api(m, { 'Content-Type': 'application/json', Authorization: `Bearer ${wrong}` })).status, m).toBe(401)
      expect((await api(m, { 'Content-Type': 'application/json', Authorization: server.token })).status, m).toBe(401)
      expect((await send({ method: 'POST', path: `/api/${m}?token=${server.token}`, headers: { 'Content-Type': 'application/json' }, body: '{}' })).status, m).toBe(401)
    }
    const ok = await api('app.info', auth())
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, result: { articleCount: 2 } })
  })

  it('the event stream needs the token too', async () => {
    expect((await send({ path: '/api/events' })).status).toBe(401)
    expect((await send({ path: `/api/events?token=${server.token}` })).status).toBe(401)
    const open = await send({ path: '/api/events', headers: { Authorization: `Bearer ${server.token}` } })
    expect(open.status).toBe(200)
    expect(open.headers['content-type']).toBe('text/event-stream')
  })

  it('the page itself holds no library data and no token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const r = await send({ path })
      expect(r.status).toBe(200)
      expect(r.body).not.toContain(server.token)
      expect(r.body).not.toMatch(/Reading the ice|Ледники/)
    }
  })

  it('refuses any Host but 127.0.0.1 or localhost on its own port (DNS rebinding), even with the token', async () => {
    const port = server.port
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1.evil.example:${port}`, `localhost:${port + 1}`, `127.0.0.2:${port}`, `[::1]:${port}`]) {
      expect((await send({ path: '/', headers: { Host: host } })).status, host).toBe(403)
      expect((await api('app.info', { ...auth(), Host: host })).status, host).toBe(403)
    }
    expect((await api('app.info', { ...auth(), Host: `localhost:${port}` })).status).toBe(200)
    // No Host at all (HTTP/1.0) is no better.
    const raw = await new Promise<string>((resolve) => {
      const s = connect({ host: '127.0.0.1', port }, () => s.end(`GET / HTTP/1.0\r\nAuthorization: Bearer ${server.token}\r\n\r\n`))
      let text = ''
      s.on('data', (c) => (text += c))
      s.on('close', () => resolve(text))
    })
    expect(raw.split('\r\n')[0]).toMatch(/^HTTP\/1\.[01] (400|403) /)
  })

  it('answers no cross-origin request: no CORS headers anywhere, preflights refused', async () => {
    const origin = { Origin: 'https://evil.example' }
    const replies = [
      await send({ method: 'OPTIONS', path: '/api/app.info', headers: { ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' } }),
      await send({ method: 'OPTIONS', path: '/', headers: origin }),
      await api('app.info', { ...auth(), ...origin }),
      await send({ path: '/', headers: origin })
    ]
    expect(replies[0].status).toBeGreaterThanOrEqual(400)
    expect(replies[1].status).toBeGreaterThanOrEqual(400)
    for (const r of replies) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([])
    // A form post from another page (no JSON content type, so no preflight) is refused too.
    expect((await api('settings.set', { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' }, '{"key":"theme","value":"x"}')).status).toBe(415)
  })

  it('caps request bodies: 413 for a declared or a streamed body over the limit', async () => {
    const big = 'x'.repeat(MAX_BODY_BYTES + 1)
    expect((await api('settings.set', auth(), JSON.stringify({ key: 'theme', value: big }))).status).toBe(413)
    const streamed = await send({
      method: 'POST',
      path: '/api/settings.set',
      headers: { ...auth(), 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify({ key: 'theme', value: big })
    })
    expect(streamed.status).toBe(413)
    const declared = await send({ method: 'POST', path: '/api/import.content', headers: { ...auth(), 'Content-Length': MAX_UPLOAD_BODY_BYTES + 1 }, body: '' })
    expect(declared.status).toBe(413)
    expect(lib.getSetting('theme')).toBe('dark')
  })

  it('listens on 127.0.0.1 only: the machine’s other addresses refuse the connection', async (ctx) => {
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && !a.internal)
      .map((a) => a!.address)
    if (others.length === 0) ctx.skip('this machine has no non-loopback address to try')
    for (const address of [...others, '::1']) {
      const result = await new Promise<string>((resolve) => {
        const s = connect({ host: address, port: server.port, timeout: 2_000 })
        s.once('connect', () => {
          s.destroy()
          resolve('connected')
        })
        s.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
        s.once('timeout', () => {
          s.destroy()
          resolve('timeout')
        })
      })
      expect(result, address).not.toBe('connected')
    }
  })

  it('never serves a file outside the renderer folder, however the path is spelled', async () => {
    const paths = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/..\\secret.txt',
      `/${encodeURIComponent(join(dir, 'secret.txt'))}`,
      '//etc/passwd',
      '/%2fetc%2fpasswd',
      '/%252e%252e/secret.txt',
      '/secret.txt%00.html',
      '/%E0%A4%A',
      '/assets/link.txt'
    ]
    for (const path of paths) {
      const r = await send({ path })
      expect([400, 404], path).toContain(r.status)
      expect(r.body, path).not.toContain(SECRET)
      expect(r.body, path).not.toContain('root:')
    }
    // The same defence behind the API prefix: unknown methods never fall through to files.
    expect((await api('..%2f..%2fsecret.txt', auth())).status).toBe(404)
  })

  it('sends the strict content security policy and nosniff with every answer', async () => {
    for (const r of [await send({ path: '/' }), await send({ path: '/nope' }), await api('app.info', auth()), await api('app.info')]) {
      expect(r.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY)
      expect(r.headers['x-content-type-options']).toBe('nosniff')
    }
  })
})
