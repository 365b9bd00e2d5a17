import type { Canonical } from './canonical-text'

/**
 * What a format parser hands to the import pipeline. Parsers are pure: bytes in,
 * documents out. The pipeline (not the parser) sanitises, canonicalises, derives the
 * plain text, hashes, dedupes and writes, so every format gets the same guarantees.
 */
export interface ParsedDoc {
  title: string
  author: string | null
  /** ISO date (YYYY-MM-DD) or full ISO timestamp, or null when unknown. */
  published: string | null
  /** Unsanitised HTML body; the pipeline sanitises it before it is stored or shown. */
  html: string
  /**
   * The canonical form of `html`, when the parser built it itself from escaped text
   * with safe-html.ts (exactly what sanitising and canonicalising `html` would give);
   * the pipeline then stores it without the generic pass and without reading `html`.
   * Set only when `html` is within MAX_HTML_CHARS, so that the pipeline refuses an
   * oversized document with the same message either way.
   */
  canonical?: Canonical
  /** Original URL when the document names one (canonical link, front matter). */
  url?: string | null
  site?: string | null
  language?: string | null
  tags?: string[]
}

export interface ParseInput {
  /** Raw bytes of the file (or fetched body). */
  bytes: Uint8Array
  /** File path or URL, for messages and for relative references. */
  source: string
  /** Charset declared by a transport (HTTP Content-Type), if any. */
  declaredCharset?: string | null
}

export interface ParseResult {
  docs: ParsedDoc[]
  /** Format id, e.g. "text", "markdown", "html", "epub", "pdf". */
  format: string
  /** Encoding the bytes were decoded from (text formats), e.g. "UTF-8", "windows-1251". */
  encoding: string | null
}

/** A failure the user can act on: message is one line naming the reason and the fix. */
export class ImportError extends Error {
  override name = 'ImportError'
}

export type Parser = (input: ParseInput) => ParseResult | Promise<ParseResult>
