import { ImportError } from './types'

/** The formats Scholia imports; each has one parser. */
export type FormatId = 'text' | 'markdown' | 'html' | 'epub' | 'pdf'

const BY_EXTENSION: Record<string, FormatId> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  shtml: 'html',
  epub: 'epub',
  pdf: 'pdf'
}

/** The PDF header may follow a little junk; readers search the first kilobyte. */
const PDF_HEADER_WINDOW = 1024
/** How far into a file without a known extension we look for an HTML start. */
const HTML_SNIFF_BYTES = 1024

const ascii = (bytes: Uint8Array, from: number, to: number): string =>
  Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1')

const isPdf = (bytes: Uint8Array): boolean => ascii(bytes, 0, PDF_HEADER_WINDOW).includes('%PDF-')

const isZip = (bytes: Uint8Array): boolean =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/** The OCF rule: an uncompressed first entry named "mimetype" saying application/epub+zip. */
const isEpub = (bytes: Uint8Array): boolean =>
  isZip(bytes) && ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 100).includes('application/epub+zip')

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = ascii(bytes, 0, HTML_SNIFF_BYTES)
    .replace(/^\xef\xbb\xbf/, '')
    .replace(/^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '')
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head)
}

/** The format the bytes themselves show (PDF and EPUB signatures, an HTML start), or null. */
export function sniffFormat(bytes: Uint8Array): FormatId | null {
  if (isPdf(bytes)) return 'pdf'
  if (isEpub(bytes)) return 'epub'
  if (looksLikeHtml(bytes)) return 'html'
  return null
}

/**
 * Picks the parser for a file from its name and first bytes. Content wins where it is
 * unambiguous (a PDF or EPUB saved under another name); otherwise the extension
 * decides; files without a known extension are sniffed for PDF and HTML.
 * @throws ImportError naming the extension and the formats that are supported.
 */
export function parserFor(fileName: string, bytes: Uint8Array): FormatId {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  const ext = dot > 0 ? base.slice(dot + 1).toLowerCase() : ''
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf'
  if (isEpub(bytes)) return 'epub'
  const byName = BY_EXTENSION[ext]
  const what = ext ? `.${ext}` : '(no extension)'
  if (byName) {
    // A zip that is not an EPUB (.docx, .odt, …) would import as gibberish.
    if (isZip(bytes) && byName !== 'epub') {
      throw new ImportError(`${what} file is really a zip archive (a Word or OpenDocument file?) — save it as .txt, .md, .html, .epub or .pdf`)
    }
    return byName
  }
  // Unknown names: only content we are sure of. (A .txt merely mentioning "%PDF-"
  // near its start must stay text, hence the window only here.)
  if (isPdf(bytes)) return 'pdf'
  if (looksLikeHtml(bytes)) return 'html'
  throw new ImportError(`unsupported file type ${what} — Scholia imports .txt, .md, .html, .epub, .pdf`)
}
