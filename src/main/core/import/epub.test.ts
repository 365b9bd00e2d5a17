import { strToU8, zipSync, type Zippable } from 'fflate'
import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical'
import { MAX_UNPACKED_BYTES } from './epub-archive'
import { parseEpub } from './epub'
import { sanitizeHtml } from './sanitize'
import { ImportError } from './types'

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4])

const CONTAINER = `<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>`

const OPF = `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:title>A Small Book</dc:title>
    <dc:creator>Ann Author</dc:creator><dc:creator>Bo Coauthor</dc:creator>
    <dc:date>2019-06-01</dc:date>
    <dc:language>en</dc:language>
  </metadata>
  <manifest>
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c2" href="text/ch%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="text/ch1.xhtml" media-type="application/xhtml+xml"/>
    <item id="img" href="images/fig.png" media-type="image/png"/>
    <item id="css" href="style.css" media-type="text/css"/>
  </manifest>
  <spine><itemref idref="c1"/><itemref idref="c2"/></spine>
</package>`

const NAV = `<?xml version="1.0" encoding="UTF-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<body><nav epub:type="toc"><ol><li><a href="text/ch1.xhtml">One: The Beginning</a></li><li><a href="text/ch%202.xhtml#top">Two: The End</a></li></ol></nav></body></html>`

const chapter = (body: string): string => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title>ignored</title><link rel="stylesheet" href="../style.css"/></head>
<body>${body}</body></html>`

function book(overrides: Zippable = {}): Uint8Array {
  return zipSync({
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(CONTAINER),
    'OEBPS/content.opf': strToU8(OPF),
    'OEBPS/nav.xhtml': strToU8(NAV),
    'OEBPS/text/ch1.xhtml': strToU8(chapter('<p>First <a id="p1"/>chapter text.</p><p><img src="../images/fig.png" alt="figure"/></p><script>evil()</script>')),
    'OEBPS/text/ch 2.xhtml': strToU8(chapter('<h2>Two: The End</h2><p>Second chapter text.</p>')),
    'OEBPS/images/fig.png': PNG,
    'OEBPS/style.css': strToU8('p { margin: 0 }'),
    ...overrides
  })
}

const parse = (bytes: Uint8Array) => parseEpub({ bytes, source: 'book.epub' })

describe('importing an EPUB book', () => {
  it('reads title, authors, date and language from the package file', () => {
    const result = parse(book())
    expect(result.format).toBe('epub')
    expect(result.docs).toHaveLength(1)
    expect(result.docs[0]).toMatchObject({ title: 'A Small Book', author: 'Ann Author, Bo Coauthor', published: '2019-06-01', language: 'en' })
  })

  it('puts chapters in reading (spine) order, each titled from the table of contents', () => {
    const { text } = canonicalize(sanitizeHtml(parse(book()).docs[0].html))
    const first = text.indexOf('First chapter text.')
    const second = text.indexOf('Second chapter text.')
    expect(first).toBeGreaterThan(-1)
    expect(second).toBeGreaterThan(first)
    expect(text).toContain('One: The Beginning')
    // The chapter's own heading already says it; it is not repeated.
    expect(text.match(/Two: The End/g)).toHaveLength(2) // once in the list, once as the heading
  })

  it('opens with a list of chapter titles and gives every chapter a heading', () => {
    const html = canonicalize(sanitizeHtml(parse(book()).docs[0].html)).html
    expect(html).toMatch(/^<ol><li>One: The Beginning<\/li>\s*<li>Two: The End<\/li><\/ol>/)
    expect(html).toContain('<section><h2>One: The Beginning</h2>')
    expect(html).toContain('<h2>Two: The End</h2>')
  })

  it('does not let XHTML self-closed elements swallow the text after them', () => {
    const html = parse(book()).docs[0].html
    expect(html).toMatch(/<a id="p1"><\/a>\s*chapter text\./)
  })

  it('embeds the book\'s images so the reader can show them offline', () => {
    const html = sanitizeHtml(parse(book()).docs[0].html)
    expect(html).toContain(`src="data:image/png;base64,${Buffer.from(PNG).toString('base64')}"`)
  })

  it('falls back to the EPUB 2 NCX for chapter titles', () => {
    const opf = OPF.replace('properties="nav"', '').replace('<spine>', '<spine toc="ncx">')
      .replace('</manifest>', '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>')
    const ncx = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/"><navMap>
<navPoint id="n1"><navLabel><text>From the NCX</text></navLabel><content src="text/ch1.xhtml"/></navPoint></navMap></ncx>`
    const html = parse(book({ 'OEBPS/content.opf': strToU8(opf), 'OEBPS/toc.ncx': strToU8(ncx) })).docs[0].html
    expect(html).toContain('<h2>From the NCX</h2>')
  })

  it('refuses archives with path-traversal entry names', () => {
    for (const name of ['../evil.txt', 'OEBPS/../../evil.txt', '/etc/evil', 'C:/evil', '..\\evil']) {
      expect(() => parse(book({ [name]: strToU8('x') }))).toThrow(/unsafe path in archive/)
    }
  })

  it('refuses zip bombs by their compression ratio before inflating them', () => {
    const bomb = book({ 'OEBPS/zeros.xhtml': new Uint8Array(4 * 1024 * 1024) })
    expect(() => parse(bomb)).toThrow(/zip bomb/)
  })

  it('refuses books that would unpack beyond the documented size limit', () => {
    const bytes = book({ 'OEBPS/big.png': [new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) % 251), { level: 0 }] })
    // Make the central directory claim a huge size for that entry, as a bomb would.
    const view = new DataView(bytes.buffer)
    for (let i = bytes.length - 22; i >= 0; i--) {
      if (view.getUint32(i, true) !== 0x02014b50) continue
      const nameLength = view.getUint16(i + 28, true)
      const name = Buffer.from(bytes.subarray(i + 46, i + 46 + nameLength)).toString()
      if (name === 'OEBPS/big.png') view.setUint32(i + 24, MAX_UNPACKED_BYTES, true)
    }
    expect(() => parse(bytes)).toThrow(/unpacks to over 200 MB/)
  })

  it('explains what is wrong with files that are not EPUBs', () => {
    expect(() => parse(new TextEncoder().encode('just text'))).toThrow(/not a valid EPUB/)
    expect(() => parse(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/not a valid EPUB \(no META-INF\/container.xml\)/)
    const noOpf = zipSync({ 'META-INF/container.xml': strToU8(CONTAINER) })
    expect(() => parse(noOpf)).toThrow(/not a valid EPUB \(package file OEBPS\/content.opf missing\)/)
    const damaged = book().slice(0, 200)
    expect(() => parse(damaged)).toThrow(ImportError)
  })

  it('says so when a book is DRM-protected instead of importing gibberish', () => {
    const encryption = `<encryption><EncryptedData><CipherData><CipherReference URI="OEBPS/text/ch1.xhtml"/></CipherData></EncryptedData></encryption>`
    expect(() => parse(book({ 'META-INF/encryption.xml': strToU8(encryption) }))).toThrow(/DRM-protected/)
  })

  it('refuses a book without any readable chapter', () => {
    const empty = chapter('<div>   </div>')
    expect(() => parse(book({ 'OEBPS/text/ch1.xhtml': strToU8(empty), 'OEBPS/text/ch 2.xhtml': strToU8(empty) }))).toThrow(/no readable chapters/)
  })
})
