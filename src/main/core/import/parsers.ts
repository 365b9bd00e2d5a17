import { parserFor } from './detect'
import { parseEpub } from './epub'
import { parseHtml } from './html'
import { parseMarkdown } from './markdown'
import { parsePdf } from './pdf'
import { parseText } from './text'
import type { Parser, ParseResult } from './types'

const PARSERS: Record<ReturnType<typeof parserFor>, Parser> = {
  text: parseText,
  markdown: parseMarkdown,
  html: parseHtml,
  epub: parseEpub,
  pdf: parsePdf
}

/** Picks the format from the name and the bytes, then parses. */
export async function parseBytes(bytes: Uint8Array, name: string, source: string | null): Promise<ParseResult> {
  const format = parserFor(name, bytes)
  return PARSERS[format]({ bytes, source: source ?? name })
}
