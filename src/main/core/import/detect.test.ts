import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { parserFor } from './detect'
import { ImportError } from './types'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const epub = zipSync({ mimetype: [strToU8('application/epub+zip'), { level: 0 }], 'META-INF/container.xml': strToU8('<container/>') })
const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>') })

describe('choosing the parser for a file', () => {
  it('goes by extension for the supported formats, in any case', () => {
    expect(parserFor('notes.txt', bytes('hello'))).toBe('text')
    expect(parserFor('README.MD', bytes('# hi'))).toBe('markdown')
    expect(parserFor('post.markdown', bytes('# hi'))).toBe('markdown')
    expect(parserFor('/saved/Page.HTM', bytes('<p>x</p>'))).toBe('html')
    expect(parserFor('C:\\books\\ch.xhtml', bytes('<html/>'))).toBe('html')
    expect(parserFor('book.epub', epub)).toBe('epub')
    expect(parserFor('paper.pdf', bytes('%PDF-1.7\n'))).toBe('pdf')
  })

  it('recognises PDFs and EPUBs by their content even under a wrong name', () => {
    expect(parserFor('download.html', bytes('%PDF-1.4\n...'))).toBe('pdf')
    expect(parserFor('book.zip', epub)).toBe('epub')
    expect(parserFor('noext', epub)).toBe('epub')
  })

  it('sniffs HTML and PDF in files without a known extension', () => {
    expect(parserFor('page', bytes('\ufeff  <!DOCTYPE html><html><body>x</body></html>'))).toBe('html')
    expect(parserFor('page.php', bytes('<!-- saved --><html lang="en"><p>x'))).toBe('html')
    expect(parserFor('paper.bin', bytes('junk\n%PDF-1.5\n'))).toBe('pdf')
  })

  it('keeps a text file that merely mentions a PDF header as text', () => {
    expect(parserFor('notes.txt', bytes('A PDF starts with %PDF-1.4 and then...'))).toBe('text')
  })

  it('hands a misnamed .epub or .pdf to its parser, which explains what is wrong', () => {
    expect(parserFor('broken.pdf', bytes('not really'))).toBe('pdf')
    expect(parserFor('broken.epub', bytes('not a zip'))).toBe('epub')
  })

  it('refuses unsupported types with the list of supported ones', () => {
    expect(() => parserFor('slides.pptx', docx)).toThrow(ImportError)
    expect(() => parserFor('photo.jpg', new Uint8Array([0xff, 0xd8, 0xff]))).toThrow(
      'unsupported file type .jpg — Scholia imports .txt, .md, .html, .epub, .pdf'
    )
    expect(() => parserFor('Makefile', bytes('all:\n\techo'))).toThrow('unsupported file type (no extension)')
  })

  it('refuses office documents disguised as text instead of importing gibberish', () => {
    expect(() => parserFor('report.txt', docx)).toThrow(/zip archive/)
  })
})
