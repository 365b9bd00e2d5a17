import { copyFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli'
import { DIGEST_FILE, tempLibraryPath } from '../core/testing/temp-library'

let dir: string
let db: string
let server: Server
let base = ''

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end('<html><head><title>A story from the web</title></head><body><article><h1>A story from the web</h1><p>It was fetched by the core, never by the window that shows it.</p></article></body></html>')
    } else {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))
let dispose: () => void
beforeEach(() => {
  ;({ dir, path: db, dispose } = tempLibraryPath())
})
afterEach(() => dispose())

describe('scholia import', () => {
  it('prints one JSON line per article (the digest makes six) and exits 0 when everything imported', async () => {
    const file = join(dir, 'digest.txt')
    copyFileSync(DIGEST_FILE, file)
    const r = await runCli(['import', file, '--db', db, '--json', '--tag', 'csto'])
    expect(r.code).toBe(0)
    const lines = jsonLines(r.stdout)
    expect(lines).toHaveLength(6)
    for (const l of lines) expect(Object.keys(l).sort()).toEqual(['author', 'file', 'id', 'published', 'status', 'title'])
    expect(lines.map((l) => l.published)).toEqual(['2024-10-02', '2024-10-01', '2024-10-01', '2024-09-27', '2024-09-26', '2022-05-30'])
    expect(lines[5]).toMatchObject({ author: 'Nikita Vyatchanin', status: 'created' })
    const again = jsonLines((await runCli(['import', file, '--db', db, '--json'])).stdout)
    expect(again.map((l) => l.status)).toEqual(Array(6).fill('duplicate'))
  })

  it('imports a web address and reports each failure on its own line, exiting 1', async () => {
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const r = await runCli(['import', `${base}/story`, empty, `${base}/gone`, '--db', db, '--json'])
    expect(r.code).toBe(1)
    const lines = jsonLines(r.stdout)
    expect(lines[0]).toMatchObject({ file: `${base}/story`, status: 'created', title: 'A story from the web' })
    expect(lines[1]).toEqual({ file: empty, error: `${empty}: file is empty; choose a file that contains text` })
    expect(lines[2]).toEqual({ file: `${base}/gone`, error: `${base}/gone: 127.0.0.1:${base.split(':').pop()} answered HTTP 404 Not Found — check the address` })
    const list = jsonLines((await runCli(['list', '--db', db, '--json'])).stdout)
    expect(list.map((a) => a.source)).toEqual([`${base}/story`])
  })
})
