/**
 * Article bodies cross from the import workers to the writer as UTF-8 bytes in one
 * transferred buffer per article, not as strings:
 * - As strings, each message put ~50 KB per article on the writer thread's V8 heap;
 *   held a few hundred milliseconds (read-ahead, then the open group) they outlived
 *   the young generation and were promoted, so the old space filled with dead bodies
 *   between full collections (at 40k articles the writer's heap was 280 MB for 70 MB
 *   live). Bytes live outside the heap and are freed with their small wrappers.
 * - As UTF-8, the writer binds them as TEXT directly (repo.ts, EncodedArticle): it
 *   makes no string and does no encoding for SQLite, which took 18% of its time per
 *   article when it rebuilt the strings and SQLite encoded them again, three times
 *   (html, text, and the text for the full-text index).
 * The full-text index takes normalizeForIndex(text), computed here too; it travels
 * only when it differs from the text (a text with ё).
 */
import type { EncodedArticle, NewArticle, StorableArticle } from '../articles/repo'
import { normalizeForIndex } from '../search-text'

/** A prepared article as a worker sends it. */
export type PackedArticle = EncodedArticle

/**
 * Packs an article for postMessage; its buffer goes in `transfer`. Strings come back
 * as their UTF-8 (a lone surrogate as U+FFFD, exactly what SQLite would have stored).
 */
export function packArticle(a: NewArticle, transfer: ArrayBuffer[]): PackedArticle {
  const indexText = normalizeForIndex(a.text)
  const htmlBytes = Buffer.byteLength(a.html)
  const textBytes = Buffer.byteLength(a.text)
  const indexBytes = indexText === a.text ? 0 : Buffer.byteLength(indexText)
  // A buffer of its own (never the shared pool of small Buffers), so it can be transferred.
  const buf = Buffer.allocUnsafeSlow(htmlBytes + textBytes + indexBytes)
  buf.write(a.html, 0, htmlBytes, 'utf8')
  buf.write(a.text, htmlBytes, textBytes, 'utf8')
  if (indexBytes > 0) buf.write(indexText, htmlBytes + textBytes, indexBytes, 'utf8')
  transfer.push(buf.buffer as ArrayBuffer)
  const view = (offset: number, length: number): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset + offset, length)
  return {
    ...a,
    html: view(0, htmlBytes),
    text: view(htmlBytes, textBytes),
    indexText: indexBytes > 0 ? view(htmlBytes + textBytes, indexBytes) : null
  }
}

/** Memory an article holds on the writer thread while it waits, in bytes. */
export function heldBytes(a: StorableArticle): number {
  if (typeof a.html === 'string') return 2 * (a.html.length + (a.text as string).length)
  return a.html.buffer.byteLength
}
