/**
 * The .txt parser: decode the bytes (encoding.ts), then split into articles
 * (digest.ts) — several for a saved news digest, otherwise one, with title, byline and
 * date taken from the top of the text when present.
 */
import { ImportError, type Parser } from './types'
import { decodeText } from './encoding'
import { splitDigest } from './digest'
import { titleFromSource } from './titles'

/** Parses a plain-text file into one article, or one per dated item of a digest. */
export const parseText: Parser = (input) => {
  const { text, encoding } = decodeText(input.bytes, input.declaredCharset)
  const docs = splitDigest(text, { fallbackTitle: titleFromSource(input.source) })
  // The canonical HTML is empty exactly when the parser's is (no blocks); reading it spares writing the other.
  if (docs.every((d) => (d.canonical?.html ?? d.html).trim() === ''))
    throw new ImportError('no article text — the file holds only site navigation; save the article text itself')
  return { docs, format: 'text', encoding }
}
