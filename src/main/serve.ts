/**
 * Browser mode: the built renderer and the API over HTTP on 127.0.0.1, guarded by
 * a random per-run token that reaches the page in the URL fragment (never sent to
 * a server, never a cookie another local page could ride).
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { isMethodName } from '../shared/api'
import { BYTES_CONTENT_TYPE } from '../shared/api/reading'
import type { Library } from './core/library'
import { dispatch, type Handlers } from './core/service/dispatch'
import { BodyTooLarge, MAX_BODY_BYTES, MAX_UPLOAD_BODY_BYTES, readJsonBody } from './bridge/body'
import { hostAllowed, SECURITY_HEADERS, tokenMatches } from './bridge/security'
import { serveStatic } from './bridge/static'
import { toJson } from './core/export/native-json'

export interface ServeOptions {
  lib: Library
  handlers: Handlers
  rendererDir: string
  port?: number
  token?: string
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

const UPLOAD_METHODS = new Set(['import.content', 'share.importContent'])
const HEARTBEAT_MS = 15_000

/**
 * Answers are serialised with V8's own JSON.stringify: pdf.js, when an import in
 * this process loads it, replaces the global one with a polyfill ten times slower.
 */
function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  res.end(toJson(body))
}

/** A byte result (an article's content) goes out as it is: no JSON, no base64. */
function sendBytes(res: ServerResponse, bytes: Uint8Array): void {
  res.writeHead(200, { 'Content-Type': BYTES_CONTENT_TYPE, 'Content-Length': bytes.byteLength, 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
  res.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}

function refuse(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { ok: false, error: { code, message } })
}

export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const token = opts.token ?? randomBytes(32).toString('base64url')
  let port = opts.port ?? 0
  const streams = new Set<ServerResponse>()

  const unsubscribe = opts.lib.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`
    for (const s of streams) s.write(frame)
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!hostAllowed(req, port)) return refuse(res, 403, 'unauthorized', 'host not allowed — open the URL printed by scholia serve')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'invalid_argument', 'method not allowed')
      return serveStatic(opts.rendererDir, url.pathname, res)
    }
    if (!tokenMatches(req, token)) return refuse(res, 401, 'unauthorized', 'missing or wrong token — open the URL printed by scholia serve')
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', ...SECURITY_HEADERS })
      res.write(': connected\n\n')
      streams.add(res)
      req.on('close', () => streams.delete(res))
      return
    }
    if (req.method !== 'POST') return refuse(res, 405, 'invalid_argument', 'API calls are POST requests')
    if (!(req.headers['content-type'] ?? '').startsWith('application/json'))
      return refuse(res, 415, 'invalid_argument', 'send the arguments as application/json')
    const method = url.pathname.slice('/api/'.length)
    if (!isMethodName(method)) return refuse(res, 404, 'invalid_argument', `unknown method ${method.slice(0, 100)}`)
    let args: unknown
    try {
      args = await readJsonBody(req, UPLOAD_METHODS.has(method) ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES)
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuse(res, 413, 'invalid_argument', `${method}: request body too large`)
      return refuse(res, 400, 'invalid_argument', `${method}: body is not valid JSON`)
    }
    const envelope = await dispatch(opts.handlers, method, args, { transport: 'http' })
    if (envelope.ok && envelope.result instanceof Uint8Array) return sendBytes(res, envelope.result)
    send(res, envelope.ok ? 200 : envelope.error.code === 'internal' ? 500 : 400, envelope)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      console.error(e)
      if (!res.headersSent) refuse(res, 500, 'internal', 'internal error')
      else res.end()
    })
  })
  const heartbeat = setInterval(() => {
    for (const s of streams) s.write(': ping\n\n')
  }, HEARTBEAT_MS)
  heartbeat.unref()

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject)
    // Loopback only: browser mode is for this machine, never the network.
    server.listen(port, '127.0.0.1', () => resolveListen())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        clearInterval(heartbeat)
        unsubscribe()
        for (const s of streams) s.end()
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
