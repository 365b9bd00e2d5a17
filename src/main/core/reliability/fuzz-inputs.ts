/**
 * Input generators for the fuzz tests: random bytes, and random documents built
 * from pieces each format's parser cares about (dates and bylines for the digest
 * splitter, front matter and raw HTML for Markdown, hostile markup for HTML, a
 * zip with a package file for EPUB, objects and streams for PDF), so the runs
 * reach deep into each parser rather than failing at its first check.
 */
import fc from 'fast-check'
import { strToU8, zipSync, type Zippable } from 'fflate'
import iconv from 'iconv-lite'
import { XSS_VECTORS } from '../import/xss-vectors'
import { assemblePdf, pdfString } from '../testing/pdf-bytes'

const hostile = fc.constantFrom(...XSS_VECTORS)
const words = fc.constantFrom('Учёные', 'ледник', 'CSTO', 'Kazakhstan', 'peace', 'ёжик', 'Ωμέγα', 'naïve', '日本語', '😀', '\u200b', '\u202e', '\u0000', '&amp;', '&#0;', '<', '>', '"', "'", '`')
const lineOf = (pieces: fc.Arbitrary<string>) => fc.array(pieces, { maxLength: 12 }).map((p) => p.join(' '))
const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), lineOf(words))

/** Lines a news digest is made of: dates in many spellings, headlines, bylines, sources. */
const digestLine = fc.oneof(
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).chain((d) =>
    fc.constantFrom(
      `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`,
      d.toISOString().slice(0, 10),
      d.toUTCString(),
      `${d.getUTCDate()} сентября ${d.getUTCFullYear()} г.`
    )
  ),
  fc.constantFrom('32.13.2024', '00.00.0000', '29.02.2023', '99.99.9999', '1.1.1'),
  lineOf(words).map((s) => `By ${s}`),
  lineOf(words).map((s) => `Автор: ${s}`),
  lineOf(words).map((s) => `Source: https://e.example/${encodeURIComponent(s)}`),
  lineOf(words),
  hostile,
  fc.constant(''),
  fc.constant('-----'),
  anyText
)

/** A plain-text file as a user might save it: lines, in UTF-8, windows-1251 or UTF-16, with any line ends. */
export const textFile: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc
    .tuple(fc.array(digestLine, { maxLength: 60 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('utf8', 'win1251', 'utf16le', 'utf8-bom'))
    .map(([lines, eol, enc]) => {
      const text = lines.join(eol)
      if (enc === 'utf8') return new Uint8Array(Buffer.from(text, 'utf8'))
      if (enc === 'utf8-bom') return new Uint8Array(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))
      if (enc === 'utf16le') return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
      return new Uint8Array(iconv.encode(text, 'win1251'))
    })
)

const mdBlock = fc.oneof(
  lineOf(words).map((s) => `# ${s}`),
  lineOf(words).map((s) => `- ${s}\n  - ${s}`),
  lineOf(words).map((s) => `> ${s}`),
  lineOf(words).map((s) => `\`\`\`\n${s}\n\`\`\``),
  lineOf(words).map((s) => `| a | b |\n|---|---|\n| ${s} | x |`),
  fc.constantFrom('[x](javascript:alert(1))', '![i](javascript:alert(1))', '[x](data:text/html,<script>alert(1)</script>)', '<javascript:alert(1)>', '[a]: javascript:alert(1)\n[b][a]', '<img src=x onerror=alert(1)>'),
  hostile,
  anyText
)
const frontMatter = fc.oneof(
  fc.constant(''),
  fc.dictionary(fc.constantFrom('title', 'author', 'date', 'tags', 'url', 'source', 'lang', 'x'), fc.oneof(anyText, hostile, fc.array(anyText, { maxLength: 3 }).map((a) => `[${a.join(', ')}]`)), { maxKeys: 6 })
    .map((o) => `---\n${Object.entries(o).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n`),
  anyText.map((s) => `---\n${s}\n---\n`),
  fc.constant('---\n: : :\n  - [\n---\n')
)

/** A Markdown file: optional front matter, then blocks (some raw HTML, some hostile links). */
export const markdownFile: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 1000 }),
  fc.tuple(frontMatter, fc.array(mdBlock, { maxLength: 30 })).map(([fm, blocks]) => new Uint8Array(Buffer.from(fm + blocks.join('\n\n'), 'utf8')))
)

const tag = fc.constantFrom('p', 'div', 'a', 'img', 'table', 'tr', 'td', 'svg', 'math', 'template', 'noscript', 'style', 'script', 'iframe', 'form', 'select', 'textarea', 'title', 'xmp', 'plaintext', 'article', 'main', 'nav', 'h1', 'pre', 'body', 'html', 'head', 'meta', 'base')
const attr = fc.tuple(fc.constantFrom('href', 'src', 'onerror', 'onload', 'style', 'srcdoc', 'xlink:href', 'formaction', 'charset', 'content', 'http-equiv', 'id', 'class'), fc.oneof(anyText, fc.constantFrom('javascript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,<script>1</script>', 'x" onerror="alert(1)', 'text/html; charset=windows-1251')))
const element: fc.Arbitrary<string> = fc.letrec<{ el: string }>((tie) => ({
  el: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    anyText,
    hostile,
    fc.tuple(tag, fc.array(attr, { maxLength: 3 }), fc.array(tie('el'), { maxLength: 4 }), fc.boolean()).map(
      ([t, attrs, kids, close]) => `<${t}${attrs.map(([n, v]) => ` ${n}="${v.replace(/"/g, '&quot;')}"`).join('')}>${kids.join('')}${close ? `</${t}>` : ''}`
    )
  )
})).el

/** An HTML page: a head with metadata, a body of random nested (often unclosed, often hostile) markup. */
export const htmlFile: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 1000 }),
  fc.tuple(fc.array(element, { maxLength: 6 }), fc.array(element, { maxLength: 20 })).map(([head, body]) =>
    new Uint8Array(Buffer.from(`<!doctype html><html><head>${head.join('')}</head><body><article>${body.join('')}</article></body></html>`, 'utf8'))
  ),
  fc.array(element, { maxLength: 20 }).map((b) => new Uint8Array(Buffer.from(b.join(''), 'utf8')))
)

const CONTAINER = (opf: string) =>
  `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="${opf}" media-type="application/oebps-package+xml"/></rootfiles></container>`

/** An EPUB: a real zip with a package file whose manifest, spine and chapters are random (often broken). */
export const epubFile: fc.Arbitrary<Uint8Array> = fc
  .record({
    opfPath: fc.constantFrom('OEBPS/content.opf', 'content.opf', '../../etc/passwd', '/abs.opf', 'a/../b.opf'),
    title: fc.oneof(anyText, hostile),
    chapters: fc.array(fc.record({ name: fc.oneof(fc.constantFrom('ch.xhtml', 'ch 2.xhtml', '../escape.xhtml', 'a%2Fb.xhtml', 'img.png'), fc.string({ maxLength: 12 })), body: fc.array(element, { maxLength: 8 }) }), { maxLength: 5 }),
    spineRefs: fc.array(fc.nat(6), { maxLength: 8 }),
    container: fc.boolean(),
    mimetype: fc.boolean(),
    garbage: fc.option(fc.uint8Array({ maxLength: 200 }))
  })
  .map((b) => {
    const manifest = b.chapters.map((c, i) => `<item id="c${i}" href="${c.name.replace(/"/g, '')}" media-type="application/xhtml+xml"/>`).join('')
    const spine = b.spineRefs.map((r) => `<itemref idref="c${r}"/>`).join('')
    const opf = `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${b.title}</dc:title></metadata><manifest>${manifest}</manifest><spine>${spine}</spine></package>`
    const files: Zippable = {}
    if (b.mimetype) files.mimetype = [strToU8('application/epub+zip'), { level: 0 }]
    if (b.container) files['META-INF/container.xml'] = strToU8(CONTAINER(b.opfPath))
    files[b.opfPath.replace(/^\/+/, '')] = strToU8(opf)
    const dir = b.opfPath.includes('/') ? b.opfPath.slice(0, b.opfPath.lastIndexOf('/') + 1) : ''
    for (const c of b.chapters) files[`${dir}${c.name}`.replace(/^\/+/, '') || 'x'] = strToU8(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body>${c.body.join('')}</body></html>`)
    if (b.garbage) files['garbage.bin'] = b.garbage
    try {
      return zipSync(files)
    } catch {
      return new Uint8Array(Buffer.from('PK\u0003\u0004 not really a zip'))
    }
  })

/** A hand-assembled PDF with random text, metadata and operators, sometimes with a broken xref or stream. */
export const pdfFile: fc.Arbitrary<Uint8Array> = fc
  .record({
    lines: fc.array(fc.tuple(fc.oneof(anyText, hostile), fc.integer({ min: -5, max: 80 })), { maxLength: 12 }),
    title: fc.oneof(anyText, hostile),
    date: fc.oneof(fc.constant("D:20240305100000+03'00'"), anyText),
    ops: fc.array(fc.constantFrom('q', 'Q', 'BT', 'ET', '0 0 Td', 'T*', '1 0 0 1 0 0 cm', '/F9 12 Tf', '(x) Tj', '[(a) -100 (b)] TJ', '99999999999 0 0 1 0 0 Tm'), { maxLength: 6 }),
    breakXref: fc.boolean(),
    breakLength: fc.boolean(),
    truncate: fc.option(fc.nat())
  })
  .map((p) => {
    const stream = [...p.ops, ...p.lines.map(([t, size], i) => `BT /F1 ${size} Tf 1 0 0 1 72 ${740 - i * 14} Tm ${pdfString(t)} Tj ET`)].join('\n')
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
      `<< /Length ${p.breakLength ? 3 : Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
      `<< /Title ${pdfString(p.title)} /CreationDate ${pdfString(p.date)} >>`
    ]
    const bytes = assemblePdf(objects, 6, p.breakXref ? 7 : 0)
    return p.truncate === null ? bytes : bytes.slice(0, p.truncate % (bytes.length + 1))
  })

/** Flips, inserts and deletes a few bytes of a valid file: what a damaged download looks like. */
export function mutated(base: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.constantFrom('flip', 'insert', 'delete')), { minLength: 1, maxLength: 8 })).map(([bytes, edits]) => {
    const b = Array.from(bytes)
    for (const [at, value, op] of edits) {
      const i = b.length === 0 ? 0 : at % b.length
      if (op === 'flip') b[i] = value
      else if (op === 'insert') b.splice(i, 0, value)
      else b.splice(i, 1)
    }
    return new Uint8Array(b)
  })
}

/** Search boxes get typed into: operators, quotes, stars, minus signs, FTS5 syntax, and noise. */
export const searchQuery: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      words,
      anyText,
      fc.constantFrom('tag:', 'author:', 'after:', 'before:', 'color:', 'colour:', 'is:', 'in:', '-tag:', '-author:', '-', '"', '*', '(', ')', 'AND', 'OR', 'NOT', 'NEAR(', '^', ':', '{', '}', '+', 'col:', 'rowid:', 'title:', '\\'),
      fc.constantFrom('tag:region/россия', 'after:2024', 'before:2024-13-45', 'color:yellow', 'is:annotated', 'in:notes', '"вечная мерзлота"', 'мерз*', 'a*', '*a', '""', '"unclosed', 'author:"Пётр"')
    ),
    { maxLength: 12 }
  )
  .chain((parts) => fc.constantFrom(' ', '', '\t').map((sep) => parts.join(sep)))
