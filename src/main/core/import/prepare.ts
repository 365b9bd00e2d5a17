import { createHash } from 'node:crypto'
import type { NewArticle } from '../articles/repo'
import { canonicalize } from './canonical'
import { parseBytes, type ParseHints } from './parsers'
import { sanitizeHtml } from './sanitize'
import { ImportError, type ParsedDoc } from './types'
import type { PackedArticle } from './packed'
import { countWordsFast } from './word-count'

const TITLE_MAX = 500

/** An article ready for the writer, with the tags its file asked for. */
export interface PreparedDoc {
  article: NewArticle
  tags: string[]
}

/** A prepared article waiting for the writer: packed (see packed.ts) when it comes from a worker. */
export interface WaitingDoc {
  article: NewArticle | PackedArticle
  tags: string[]
}

/** A parsed document made safe and canonical: what gets stored. */
export function prepareDoc(doc: ParsedDoc, format: string, encoding: string | null, source: string | null, fetched = false): NewArticle {
  // A parser-built canonical form comes only with HTML within the size limit (see ParsedDoc), so its HTML is not read.
  const { html, text } = doc.canonical ?? canonicalize(sanitizeHtml(doc.html))
  if (text.trim().length === 0 && doc.title.trim().length === 0) throw new ImportError('no readable text found')
  return {
    title: (doc.title.trim() || text.trim().slice(0, 80) || 'Untitled').slice(0, TITLE_MAX),
    author: doc.author?.trim() || null,
    published: doc.published || null,
    source: (fetched ? source : doc.url) || source,
    site: doc.site ?? null,
    format,
    encoding,
    language: doc.language ?? null,
    html,
    text,
    contentHash: createHash('sha256').update(html).digest('hex'),
    // Counted here, on a worker thread for big batches, so the writer only writes.
    wordCount: countWordsFast(text)
  }
}

/**
 * Everything CPU-bound about one file — detect, decode, parse, sanitise,
 * canonicalise, hash — so it can run on a worker thread while the single SQLite
 * writer stores the previous file.
 */
export async function prepareFile(bytes: Uint8Array, name: string, source: string | null, hints: ParseHints = {}): Promise<PreparedDoc[]> {
  const result = await parseBytes(bytes, name, source, hints)
  const many = result.docs.length > 1
  return result.docs.map((doc, d) => {
    // Items of a digest share a file; give each its own source so a re-import of an
    // edited digest updates the matching item instead of the first one.
    const itemSource = source && many ? `${source}#${d + 1}` : source
    return { article: prepareDoc(doc, result.format, result.encoding, itemSource, hints.fetched), tags: doc.tags ?? [] }
  })
}
