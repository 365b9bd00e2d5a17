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
 * The full-text index takes normalizeForIndex(text), made here from the text's bytes
 * (ё and е have UTF-8 sequences of the same length); it travels only when it differs
 * from the text, that is when the text has a ё.
 */
import type { EncodedArticle, NewArticle, StorableArticle } from '../articles/repo'

/** A prepared article as a worker sends it. */
export type PackedArticle = EncodedArticle

/** UTF-8 of ё, Ё and of what normalizeForIndex makes of them, е and Е. */
const YO = Buffer.from('ё')
const YO_CAPITAL = Buffer.from('Ё')
const YE = Buffer.from('е')
const YE_CAPITAL = Buffer.from('Е')

/** Articles up to this many UTF-16 units are encoded through a reused buffer; a bigger one is measured first. */
const SCRATCH_MAX_UNITS = 1 << 20
/** A UTF-16 unit is at most 3 bytes of UTF-8 (a lone surrogate becomes U+FFFD). */
const MAX_BYTES_PER_UNIT = 3
let scratch = Buffer.allocUnsafeSlow(64 * 1024)

/** normalizeForIndex on UTF-8 bytes, in place. A lead byte is never a continuation byte, so a match is always a whole character. */
function foldYo(bytes: Buffer): void {
  for (const [from, to] of [[YO, YE], [YO_CAPITAL, YE_CAPITAL]] as const)
    for (let i = bytes.indexOf(from); i !== -1; i = bytes.indexOf(from, i + 2)) to.copy(bytes, i)
}

/** html then text as UTF-8, in `scratch` or (for a book) a buffer of their exact size, and where the text starts and ends. */
function encodeBodies(a: NewArticle): { bytes: Buffer; htmlEnd: number; textEnd: number } {
  const units = a.html.length + a.text.length
  if (units > SCRATCH_MAX_UNITS) {
    const htmlEnd = Buffer.byteLength(a.html)
    const bytes = Buffer.allocUnsafeSlow(htmlEnd + Buffer.byteLength(a.text))
    bytes.write(a.html, 0, 'utf8')
    return { bytes, htmlEnd, textEnd: htmlEnd + bytes.write(a.text, htmlEnd, 'utf8') }
  }
  if (scratch.length < MAX_BYTES_PER_UNIT * units) scratch = Buffer.allocUnsafeSlow(MAX_BYTES_PER_UNIT * SCRATCH_MAX_UNITS)
  const htmlEnd = scratch.write(a.html, 0, 'utf8')
  return { bytes: scratch, htmlEnd, textEnd: htmlEnd + scratch.write(a.text, htmlEnd, 'utf8') }
}

/**
 * Packs an article for postMessage; its buffer goes in `transfer`. Strings come back
 * as their UTF-8 (a lone surrogate as U+FFFD, exactly what SQLite would have stored).
 */
export function packArticle(a: NewArticle, transfer: ArrayBuffer[]): PackedArticle {
  const { bytes, htmlEnd, textEnd } = encodeBodies(a)
  const text = bytes.subarray(htmlEnd, textEnd)
  const hasYo = text.includes(YO) || text.includes(YO_CAPITAL)
  // A buffer of its own (never the shared pool of small Buffers, nor the scratch), so it can be transferred.
  const buf = Buffer.allocUnsafeSlow(textEnd + (hasYo ? text.length : 0))
  bytes.copy(buf, 0, 0, textEnd)
  if (hasYo) {
    text.copy(buf, textEnd)
    foldYo(buf.subarray(textEnd))
  }
  transfer.push(buf.buffer as ArrayBuffer)
  const view = (start: number, end: number): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset + start, end - start)
  return {
    ...a,
    html: view(0, htmlEnd),
    text: view(htmlEnd, textEnd),
    indexText: hasYo ? view(textEnd, buf.length) : null
  }
}

/** Memory an article holds on the writer thread while it waits, in bytes. */
export function heldBytes(a: StorableArticle): number {
  if (typeof a.html === 'string') return 2 * (a.html.length + (a.text as string).length)
  return a.html.buffer.byteLength
}
