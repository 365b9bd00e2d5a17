import { parserFor, type FormatId } from './detect'
import { keepNativeBuiltins } from './native-builtins'
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

/** pdf.js and its worker module replace built-ins when they load; see native-builtins.ts. */
async function loadPdfParser(): Promise<Parser> {
  const restore = keepNativeBuiltins()
  const { parsePdf } = await import('./pdf').finally(restore)
  // pdf.js loads its worker module on first use, which installs the polyfills again.
  return (input) => parsePdf(input).finally(restore)
}

/** What a transport knows about bytes it delivered (an HTTP response): format and charset. */
export interface ParseHints {
  format?: FormatId
  charset?: string | null
  /** The source is the address the bytes were fetched from: it stays the provenance even when the page names a canonical URL. */
  fetched?: boolean
}

/** Picks the format from the hints, else the name and the bytes, then parses. */
export async function parseBytes(bytes: Uint8Array, name: string, source: string | null, hints: ParseHints = {}): Promise<ParseResult> {
  const format = hints.format ?? parserFor(name, bytes)
  const parse = await PARSERS[format]()
  return parse({ bytes, source: source ?? name, declaredCharset: hints.charset ?? null })
}
