import { parserFor, type FormatId } from './detect'
import { parseText } from './text'
import type { Parser, ParseResult } from './types'

/**
 * Parsers by format. Plain text is always loaded; the others (pdf.js, Readability,
 * the EPUB and Markdown stacks) load on first use, so a worker thread importing a
 * folder of .txt files does not carry them in memory.
 */
const PARSERS: Record<FormatId, () => Promise<Parser>> = {
  text: async () => parseText,
  markdown: async () => (await import('./markdown')).parseMarkdown,
  html: async () => (await import('./html')).parseHtml,
  epub: async () => (await import('./epub')).parseEpub,
  pdf: loadPdfParser
}

/**
 * pdfjs-dist's legacy build installs core-js polyfills over some globals, among
 * them JSON.stringify (about 10× slower), which would slow every later API answer
 * of the process. pdf.js does not need it, so the native one is put back.
 */
async function loadPdfParser(): Promise<Parser> {
  const nativeStringify = JSON.stringify
  const { parsePdf } = await import('./pdf').finally(() => (JSON.stringify = nativeStringify))
  // pdf.js loads its worker module on first use, which installs the polyfills again.
  return (input) => parsePdf(input).finally(() => (JSON.stringify = nativeStringify))
}

/** Picks the format from the name and the bytes, then parses. */
export async function parseBytes(bytes: Uint8Array, name: string, source: string | null): Promise<ParseResult> {
  const format = parserFor(name, bytes)
  const parse = await PARSERS[format]()
  return parse({ bytes, source: source ?? name })
}
