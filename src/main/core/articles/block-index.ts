import { BlockScanner } from '../../../shared/html-blocks'
import type { BlockMark } from '../../../shared/api/reading'
import type { Library } from '../library'
import { sql } from '../annotations/statements'

/**
 * A sparse map of an article's top-level block boundaries: every BLOCK_MARK_STEP_BYTES
 * of HTML, the first boundary after it, as offsets in the text and the HTML (UTF-16)
 * and in their stored UTF-8 bytes. With it the core can hand the reader the bytes of
 * the blocks holding a saved position (see resume.ts) without the reader scanning,
 * or even receiving, the megabytes before them. The boundaries are those the
 * reader's own block scanner finds (src/shared/html-blocks.ts), so the HTML from a
 * mark on is whole blocks and the text from the mark's offset on is their text.
 */

/** HTML between marks: small enough that the blocks before a position are few to fetch and show. */
export const BLOCK_MARK_STEP_BYTES = 16 * 1024
/**
 * HTML shorter than this gets no marks at import (the reader fetches such an article
 * whole quickly); a longer one gets them in the same transaction as its content.
 */
export const MARKED_AT_IMPORT_CHARS = 128 * 1024

/** The marks of an article and the length of its text, as stored. */
export interface BlockIndex {
  textLength: number
  /** Ascending; marks[0] is [0, 0, 0, 0]. Just that one mark: too short to need more. */
  marks: BlockMark[]
}

/**
 * The marks of canonical article HTML, or null when the HTML is not in the form the
 * scanner reads or its text is not `text` (the reader then parses it whole anyway).
 */
export function buildBlockIndex(html: string, text: string): BlockIndex | null {
  const scanner = new BlockScanner(html)
  scanner.scan(Infinity)
  if (scanner.failed || !scanner.done || scanner.scannedText !== text.length) return null
  const marks: BlockMark[] = [[0, 0, 0, 0]]
  let [textAt, textByte, htmlAt, htmlByte] = marks[0]
  let pendingHtmlBytes = 0
  let pendingText = 0
  for (const block of scanner.blocks) {
    pendingHtmlBytes += Buffer.byteLength(html.slice(block.from, block.to))
    pendingText += block.textLength
    if (pendingHtmlBytes < BLOCK_MARK_STEP_BYTES || block.to === html.length) continue
    textByte += Buffer.byteLength(text.slice(textAt, textAt + pendingText))
    textAt += pendingText
    htmlByte += pendingHtmlBytes
    htmlAt = block.to
    marks.push([textAt, textByte, htmlAt, htmlByte])
    pendingHtmlBytes = 0
    pendingText = 0
  }
  return { textLength: text.length, marks }
}

/**
 * Computes and stores the marks of an article's content (replacing any); of HTML
 * not in canonical form only the first, which means "fetch it whole". Call inside
 * a write transaction.
 */
export function writeBlockIndex(lib: Library, rowid: number, html: string, text: string): BlockIndex | null {
  sql(lib, 'DELETE FROM article_blocks WHERE article_rowid = ?').run(rowid)
  const index = buildBlockIndex(html, text)
  // HTML not in canonical form is stored with its first mark only, so it is not scanned again at every opening.
  const stored = index ?? { textLength: text.length, marks: [[0, 0, 0, 0]] }
  sql(lib, 'INSERT INTO article_blocks(article_rowid, text_length, marks) VALUES (?, ?, ?)').run(rowid, stored.textLength, JSON.stringify(stored.marks))
  return index
}

/**
 * At import: the marks of a long article's new content; a short one is marked when
 * first reopened. `replaced`: the article had content before, whose marks go.
 */
export function markLongArticle(lib: Library, rowid: number, html: string, text: string, replaced = false): void {
  if (html.length >= MARKED_AT_IMPORT_CHARS) writeBlockIndex(lib, rowid, html, text)
  else if (replaced) sql(lib, 'DELETE FROM article_blocks WHERE article_rowid = ?').run(rowid)
}

/**
 * The marks of an article, computed and stored on first use when missing (a
 * library from before marks were written, a short article); null when there is
 * no such article.
 */
export function blockIndexOf(lib: Library, rowid: number): BlockIndex | null {
  const row = sql(lib, 'SELECT text_length, marks FROM article_blocks WHERE article_rowid = ?').get(rowid) as
    | { text_length: number; marks: string }
    | undefined
  if (row) return { textLength: row.text_length, marks: JSON.parse(row.marks) as BlockMark[] }
  const content = sql(lib, 'SELECT html, text FROM article_content WHERE article_rowid = ?').get(rowid) as
    | { html: string; text: string }
    | undefined
  if (!content) return null
  const unmarked: BlockIndex = { textLength: content.text.length, marks: [[0, 0, 0, 0]] }
  try {
    return lib.write(() => writeBlockIndex(lib, rowid, content.html, content.text)) ?? unmarked
  } catch {
    // Not stored (a read-only or busy library): opening must not fail for a cache; computed again next time.
    return buildBlockIndex(content.html, content.text) ?? unmarked
  }
}
