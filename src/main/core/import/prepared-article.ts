/**
 * From a parsed file to the articles the writer stores. Plain text comes with its
 * canonical form already built (safe-html.ts); only documents without one need the
 * generic sanitise-and-canonicalise pass of prepare.ts (sanitize-html and parse5),
 * which is loaded on first need, so a worker importing a folder of .txt files starts
 * without loading them.
 */
import { createHash } from 'node:crypto'
import type { NewArticle, StorableArticle } from '../articles/repo'
import type { Canonical } from './canonical-text'
import { parseBytes, type ParseHints } from './parsers'
import { ImportError, type ParsedDoc } from './types'
import { countWordsFast } from './word-count'

const TITLE_MAX = 500

/** An article ready for the writer, with the tags its file asked for. */
export interface PreparedDoc {
  article: NewArticle
  tags: string[]
}

/** A prepared article waiting for the writer: packed (see packed.ts) when it comes from a worker. */
export interface WaitingDoc {
  article: StorableArticle
  tags: string[]
}

/** The article stored for a parsed document, given its safe canonical form. */
export function articleFrom(
  doc: ParsedDoc, { html, text }: Canonical, format: string, encoding: string | null, source: string | null, fetched = false
): NewArticle {
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
  const generic = result.docs.every((d) => d.canonical) ? null : (await import('./prepare')).prepareDoc
  const many = result.docs.length > 1
  return result.docs.map((doc, d) => {
    // Items of a digest share a file; give each its own source so a re-import of an
    // edited digest updates the matching item instead of the first one.
    const itemSource = source && many ? `${source}#${d + 1}` : source
    const article = generic
      ? generic(doc, result.format, result.encoding, itemSource, hints.fetched)
      : articleFrom(doc, doc.canonical!, result.format, result.encoding, itemSource, hints.fetched)
    return { article, tags: doc.tags ?? [] }
  })
}
