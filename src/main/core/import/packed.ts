/**
 * Article bodies cross from the import workers to the writer as bytes in transferred
 * buffers, not as strings. As strings, each message put ~50 KB per article on the
 * writer thread's V8 heap; held a few hundred milliseconds (read-ahead, then the open
 * group) they outlived the young generation and were promoted, so the old space filled
 * with dead bodies between full collections: at 40k articles the writer's heap was
 * 280 MB for 70 MB live. Bytes live outside the heap (freed with their small wrappers),
 * and the strings are made only when the article is written, dying young.
 *
 * The bytes are the string's own units — Latin-1 when every character fits in a byte,
 * else UTF-16 — so making the string again is a copy, not a UTF-8 decode (which cost
 * the writer ~60 µs per article).
 */
import type { NewArticle } from '../articles/repo'

/** A string's code units: one byte each, or two (UTF-16LE) when `wide`. */
export interface PackedString {
  bytes: Uint8Array
  wide: boolean
}

/** A prepared article whose html and text travel as bytes. */
export type PackedArticle = Omit<NewArticle, 'html' | 'text'> & { html: PackedString; text: PackedString }

const NOT_LATIN1 = /[^\x00-\xff]/

/** Bytes a string packs into: one per unit when every character fits in a byte, else two. */
const packedLength = (s: string, wide: boolean): number => (wide ? 2 * s.length : s.length)

function unpackString(p: PackedString): string {
  const buf = Buffer.from(p.bytes.buffer, p.bytes.byteOffset, p.bytes.byteLength)
  return buf.toString(p.wide ? 'utf16le' : 'latin1')
}

/**
 * Packs an article for postMessage; its buffer goes in `transfer`. Exact for every
 * string, lone surrogates included. Html and text share one buffer (one allocation and
 * one transfer per article, not two).
 */
export function packArticle(a: NewArticle, transfer: ArrayBuffer[]): PackedArticle {
  const htmlWide = NOT_LATIN1.test(a.html)
  const textWide = NOT_LATIN1.test(a.text)
  const htmlBytes = packedLength(a.html, htmlWide)
  const textBytes = packedLength(a.text, textWide)
  // A buffer of its own (never the shared pool of small Buffers), so it can be transferred.
  const buf = Buffer.allocUnsafeSlow(htmlBytes + textBytes)
  buf.write(a.html, 0, htmlBytes, htmlWide ? 'utf16le' : 'latin1')
  buf.write(a.text, htmlBytes, textBytes, textWide ? 'utf16le' : 'latin1')
  transfer.push(buf.buffer as ArrayBuffer)
  return {
    ...a,
    html: { bytes: new Uint8Array(buf.buffer, buf.byteOffset, htmlBytes), wide: htmlWide },
    text: { bytes: new Uint8Array(buf.buffer, buf.byteOffset + htmlBytes, textBytes), wide: textWide }
  }
}

/** The article with its html and text as strings, made just before it is written. */
export function unpackArticle(a: NewArticle | PackedArticle): NewArticle {
  if (typeof a.html === 'string') return a as NewArticle
  return { ...a, html: unpackString(a.html), text: unpackString(a.text as PackedString) }
}

/** Memory an article holds on the writer thread while it waits, in bytes. */
export function heldBytes(a: NewArticle | PackedArticle): number {
  if (typeof a.html === 'string') return 2 * (a.html.length + (a.text as string).length)
  return a.html.bytes.byteLength + (a.text as PackedString).bytes.byteLength
}
