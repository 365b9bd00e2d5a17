import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { strToU8, zipSync } from 'fflate'
import iconv from 'iconv-lite'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../shared/model'
import { articleCount, getArticle } from '../articles/repo'
import { checkLibrary } from '../maintenance/check'
import { tempLibrary } from '../testing/temp-library'
import { itemsFromPaths, urlItem } from './items'
import { importItems } from './pipeline'

const PAGE_1251 = iconv.encode(
  '<html><head><title>Новости ОДКБ</title></head><body><article><h1>Новости ОДКБ</h1>' +
    '<p>Миротворческие силы завершили учения в Казахстане. Ёлки вдоль дороги стояли в снегу.</p></article></body></html>',
  'windows-1251'
)

function tinyEpub(): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8('<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>'),
    'c.opf': strToU8('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Web Book</dc:title></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>'),
    'a.xhtml': strToU8('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><h1>One</h1><p>A chapter served over HTTP.</p></body></html>')
  })
}

let server: Server
let base = ''
let closedPort = 0

beforeAll(async () => {
  server = createServer((req, res) => {
    switch (req.url) {
      case '/news-1251':
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' })
        return res.end(PAGE_1251)
      case '/moved':
        res.writeHead(302, { location: '/news-1251' })
        return res.end()
      case '/missing':
        res.writeHead(404, { 'content-type': 'text/html' })
        return res.end('<h1>Not found</h1>')
      case '/slow':
        return // never answers
      case '/endless': {
        res.writeHead(200, { 'content-type': 'text/html' })
        const chunk = Buffer.alloc(64 * 1024, 'a')
        const timer = setInterval(() => res.write(chunk), 1)
        res.on('close', () => clearInterval(timer))
        return
      }
      case '/declared-huge':
        res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) })
        return res.write('<p>')
      case '/picture':
        res.writeHead(200, { 'content-type': 'image/png' })
        return res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))
      case '/book':
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        return res.end(tinyEpub())
      case '/notes.txt':
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' })
        return res.end('Field notes\n\nThe river was high after the rain.')
      default:
        res.writeHead(500)
        return res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  closedPort = (probe.address() as AddressInfo).port
  await new Promise<void>((resolve) => probe.close(() => resolve()))
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise<void>((resolve) => server.close(() => resolve()))
})

let t: ReturnType<typeof tempLibrary>
afterEach(() => t?.dispose())

async function importUrl(address: string, opts = {}): Promise<ImportOutcome> {
  const report = await importItems(t.lib, [urlItem(address, opts)])
  return report.outcomes[0]
}

describe('importing a web address', () => {
  it('decodes a page in the charset its server declares and records the address', async () => {
    t = tempLibrary()
    const o = await importUrl(`${base}/news-1251`)
    if (!('id' in o)) throw new Error(o.error)
    const a = getArticle(t.lib, o.id)
    expect(a.title).toBe('Новости ОДКБ')
    expect(a.text).toContain('Миротворческие силы завершили учения в Казахстане')
    expect(a.provenance).toMatchObject({ source: `${base}/news-1251`, format: 'html', encoding: 'windows-1251' })
  })

  it('follows redirects and keeps the final address as provenance', async () => {
    t = tempLibrary()
    const o = await importUrl(`${base}/moved`)
    if (!('id' in o)) throw new Error(o.error)
    expect(getArticle(t.lib, o.id).source).toBe(`${base}/news-1251`)
  })

  it('routes PDF and EPUB by their bytes and plain text by its type', async () => {
    t = tempLibrary()
    const book = await importUrl(`${base}/book`)
    const notes = await importUrl(`${base}/notes.txt`)
    expect(book).toMatchObject({ status: 'created', title: 'Web Book' })
    expect(notes).toMatchObject({ status: 'created', title: 'Field notes' })
  })

  it('explains, in one line naming the address, every way a fetch can fail — and stores nothing', async () => {
    t = tempLibrary()
    const cases: Array<[string, RegExp, object?]> = [
      [`${base}/missing`, /answered HTTP 404 Not Found — check the address/],
      [`${base}/slow`, /did not answer within 0.3 s — check the address or try again later/, { timeoutMs: 300 }],
      [`${base}/endless`, /over the 1 MB limit for imports from the web/, { maxBytes: 1024 * 1024 }],
      [`${base}/declared-huge`, /over the 20 MB limit/],
      [`${base}/picture`, /sent image\/png, not a page/],
      [`http://127.0.0.1:${closedPort}/page`, new RegExp(`cannot reach 127\\.0\\.0\\.1:${closedPort} \\(offline\\?\\) — check the address or your connection`)]
    ]
    for (const [address, message, opts] of cases) {
      const o = await importUrl(address, opts)
      expect(o).toMatchObject({ file: address })
      const error = 'error' in o ? o.error : ''
      expect(error).toMatch(message)
      expect(error.startsWith(`${address}: `)).toBe(true)
      expect(error).not.toContain('\n')
    }
    expect(articleCount(t.lib)).toBe(0)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('is what the CLI makes of an http(s) argument; other schemes are refused', async () => {
    t = tempLibrary()
    const [item] = await itemsFromPaths([`${base}/notes.txt`])
    expect(item.name).toBe(`${base}/notes.txt`)
    const o = await importUrl('file:///etc/passwd')
    expect('error' in o && o.error).toMatch(/only http and https addresses can be imported, not file:/)
  })
})
