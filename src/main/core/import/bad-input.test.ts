import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { strToU8, zipSync, type Zippable } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { articleCount } from '../articles/repo'
import { checkLibrary } from '../maintenance/check'
import { snapshot } from '../testing/snapshot'
import { tempLibrary } from '../testing/temp-library'
import { itemsFromContent, itemsFromPaths } from './items'
import { importItems } from './pipeline'

let t: ReturnType<typeof tempLibrary>
afterEach(() => t?.dispose())

function epub(extra: Zippable = {}): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8('<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="c.opf"/></rootfiles></container>'),
    'c.opf': strToU8('<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Book</dc:title></metadata><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>'),
    'a.xhtml': strToU8(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>${'A chapter of a book. '.repeat(400)}</p></body></html>`),
    ...extra
  })
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const port = (s.address() as AddressInfo).port
  await new Promise<void>((resolve) => s.close(() => resolve()))
  return port
}

describe('bad input', () => {
  it('each bad file fails alone with one line naming it and the reason, and the library is unchanged', async () => {
    t = tempLibrary()
    await importItems(t.lib, itemsFromContent([{ name: 'keep.txt', base64: Buffer.from('Kept\n\nAn article that was there before.').toString('base64') }]))
    const before = snapshot(t.lib.db)
    const dir = join(t.dir, 'bad')
    mkdirSync(dir)
    const put = (name: string, bytes: Uint8Array | string): string => {
      writeFileSync(join(dir, name), bytes)
      return join(dir, name)
    }
    const sparse = join(dir, 'huge.txt')
    const fd = openSync(sparse, 'w')
    ftruncateSync(fd, 200 * 1024 * 1024) // 200 MB that take no disk space and no time
    closeSync(fd)
    const book = epub()
    const port = await closedPort()
    const cases: Array<[string, RegExp]> = [
      [put('empty.txt', ''), /file is empty; choose a file that contains text/],
      [put('binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0])), /binary or undecodable data — not a text file/],
      [put('invalid-utf8.txt', new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xf8, 0xa1, 0xa1, 0xa1, 0xa1])), /binary or undecodable data/],
      [sparse, /file is 200 MB, over the 100 MB import limit — split it into smaller files/],
      [put('truncated.epub', book.slice(0, Math.floor(book.length / 2))), /not a valid EPUB|damaged/],
      [put('bomb.epub', epub({ 'zeros.xhtml': new Uint8Array(8 * 1024 * 1024) })), /zip bomb/],
      [put('traversal.epub', epub({ '../../evil.txt': strToU8('x') })), /unsafe path in archive/],
      [put('fake.pdf', '%PDF-1.7\nthis is no PDF at all'), /not a valid PDF/],
      [put('letter.pdf', 'Dear reader, this is a text file with a .pdf name.'), /not a valid PDF/],
      [put('report.docx', zipSync({ 'word/document.xml': strToU8('<w:document/>') })), /unsupported file type \.docx/],
      [`http://127.0.0.1:${port}/article`, new RegExp(`cannot reach 127\\.0\\.0\\.1:${port} \\(offline\\?\\) — check the address or your connection`)]
    ]
    const report = await importItems(t.lib, await itemsFromPaths(cases.map(([file]) => file)))
    expect(report.outcomes).toHaveLength(cases.length)
    report.outcomes.forEach((o, i) => {
      const [file, reason] = cases[i]
      expect(o.file).toBe(file)
      const error = 'error' in o ? o.error : `imported: ${JSON.stringify(o)}`
      expect(error.startsWith(`${file}: `), error).toBe(true)
      expect(error).toMatch(reason)
      expect(error).not.toMatch(/\n/)
    })
    expect(snapshot(t.lib.db)).toEqual(before)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('a page nested 10,000 levels deep imports with its text, flattened below the nesting limit, without a crash', async () => {
    t = tempLibrary()
    const deep = '<html><body>' + '<div>'.repeat(10_000) + '<p>Deep inside the page there is still an article to read.</p>' + '</div>'.repeat(10_000) + '</body></html>'
    const report = await importItems(t.lib, itemsFromContent([{ name: 'deep.html', base64: Buffer.from(deep).toString('base64') }]))
    expect(report.outcomes[0]).toMatchObject({ status: 'created' })
    const { html, text } = t.lib.db.prepare('SELECT html, text FROM article_content').get() as { html: string; text: string }
    expect(text).toContain('Deep inside the page there is still an article to read.')
    expect(html.split('<div>').length - 1).toBeLessThanOrEqual(100)
    expect(articleCount(t.lib)).toBe(1)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })
})
