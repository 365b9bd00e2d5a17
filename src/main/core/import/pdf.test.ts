import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical'
import { parsePdf, pdfDate } from './pdf'
import { sanitizeHtml } from './sanitize'
import { ImportError } from './types'
import { assemblePdf, pdfString } from '../testing/pdf-bytes'

/** A line of a test page: text (ASCII), font size; '' leaves a blank line. */
type TestLine = string | { text: string; size?: number; indent?: number }

/**
 * Writes a minimal valid PDF by hand: catalog, pages, one Helvetica font, one content
 * stream per page placing each line with an absolute text matrix, an Info dictionary,
 * and an xref table whose byte offsets are computed as the file is assembled.
 */
function makePdf(pages: TestLine[][], info: Record<string, string> = {}): Uint8Array {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  add('<< /Type /Catalog /Pages 2 0 R >>')
  add('') // pages, filled in below
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const kids: number[] = []
  for (const lines of pages) {
    let y = 740
    const ops: string[] = []
    for (const line of lines) {
      const { text, size = 11, indent = 0 } = typeof line === 'string' ? { text: line } : line
      if (text !== '') ops.push(`BT /F1 ${size} Tf 1 0 0 1 ${72 + indent} ${y} Tm ${pdfString(text)} Tj ET`)
      y -= Math.round(size * 1.25)
    }
    const stream = ops.join('\n')
    const contents = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`)
    kids.push(add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${contents} 0 R /Resources << /Font << /F1 ${font} 0 R >> >> >>`))
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`
  const infoId = add(`<< ${Object.entries(info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ')} >>`)
  return assemblePdf(objects, infoId)
}

const parse = (bytes: Uint8Array) => parsePdf({ bytes, source: 'paper.pdf' })
const textOf = (html: string): string => canonicalize(sanitizeHtml(html)).text

describe('importing a PDF', () => {
  it('reads title, author and creation date from the document info', async () => {
    const bytes = makePdf([['Some body text.']], { Title: 'On Testing', Author: 'Ann Author', CreationDate: "D:20240305100000+03'00'" })
    const { docs, format } = await parse(bytes)
    expect(format).toBe('pdf')
    expect(docs[0]).toMatchObject({ title: 'On Testing', author: 'Ann Author', published: '2024-03-05' })
  })

  it('groups wrapped lines into paragraphs and starts a new one after a blank gap', async () => {
    const bytes = makePdf([['First paragraph starts here', 'and continues on a second line.', '', 'Second paragraph.']])
    const html = (await parse(bytes)).docs[0].html
    expect(html).toContain('<p>First paragraph starts here and continues on a second line.</p>')
    expect(html).toContain('<p>Second paragraph.</p>')
  })

  it('starts a new paragraph at an indented first line', async () => {
    const bytes = makePdf([['One ends here.', { text: 'Indented start of two', indent: 24 }, 'and its second line.']])
    const html = (await parse(bytes)).docs[0].html
    expect(html).toContain('<p>One ends here.</p>')
    expect(html).toContain('<p>Indented start of two and its second line.</p>')
  })

  it('rejoins words hyphenated across lines', async () => {
    const html = (await parse(makePdf([['a well-known exam-', 'ple of hyphenation']]))).docs[0].html
    expect(html).toContain('a well-known example of hyphenation')
  })

  it('marks every page so quotes can cite page numbers', async () => {
    const text = textOf((await parse(makePdf([['Alpha text.'], ['Beta text.']]))).docs[0].html)
    expect(text).toMatch(/Page 1\nAlpha text\.\n+Page 2\nBeta text\./)
  })

  it('shows large short lines as headings and uses the largest top line as the title when the info has none', async () => {
    const bytes = makePdf([[{ text: 'A Study of Things', size: 20 }, '', 'Body text of the study.']], { Title: 'Microsoft Word - draft3.docx' })
    const { docs } = await parse(bytes)
    expect(docs[0].title).toBe('A Study of Things')
    expect(docs[0].html).toContain('<h2>A Study of Things</h2>')
  })

  it('drops running headers and page-number footers repeated on every page', async () => {
    const words = ['one', 'two', 'three', 'four']
    const page = (n: number): TestLine[] => ['Journal of Tests', '', `Content of page ${words[n - 1]}.`, `More about ${words[n - 1]}.`, '', `${n}`]
    const text = textOf((await parse(makePdf([page(1), page(2), page(3), page(4)]))).docs[0].html)
    expect(text).not.toContain('Journal of Tests')
    expect(text).toContain('Content of page three.')
    expect(text).not.toMatch(/\n3\n/)
  })

  it('tells the user to run OCR when the PDF has no text layer', async () => {
    await expect(parse(makePdf([[], []]))).rejects.toThrow(ImportError)
    await expect(parse(makePdf([[]]))).rejects.toThrow('no text layer (scanned?) — run OCR first')
  })

  it('refuses files that are not PDFs or are damaged', async () => {
    await expect(parse(new TextEncoder().encode('hello'))).rejects.toThrow(/not a valid PDF/)
    await expect(parse(new TextEncoder().encode('%PDF-1.7\ngarbage without objects'))).rejects.toThrow(/not a valid PDF/)
  })

  it('does not consume the caller\'s bytes', async () => {
    const bytes = makePdf([['Kept.']])
    await parse(bytes)
    expect(bytes.byteLength).toBeGreaterThan(0)
    expect((await parse(bytes)).docs[0].html).toContain('Kept.')
  })

  it('reads PDF dates, tolerating partial ones', () => {
    expect(pdfDate("D:20240305100000+03'00'")).toBe('2024-03-05')
    expect(pdfDate('D:2019')).toBe('2019-01-01')
    expect(pdfDate('D:20241340')).toBeNull()
    expect(pdfDate(undefined)).toBeNull()
  })
})
