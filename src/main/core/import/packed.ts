/**
 * Article bodies cross from the import workers to the writer as UTF-8 bytes in
 * transferred buffers, not as strings. As strings, each message put ~50 KB per article
 * on the writer thread's V8 heap; held a few hundred milliseconds (read-ahead, then the
 * open group) they outlived the young generation and were promoted, so the old space
 * filled with dead bodies between full collections: at 40k articles the writer's heap
 * was 280 MB for 70 MB live. Bytes live outside the heap (freed with their small
 * wrappers), and the strings are made only when the article is written, dying young.
 */
import type { NewArticle } from '../articles/repo'

/** A prepared article whose html and text travel as UTF-8 bytes. */
export type PackedArticle = Omit<NewArticle, 'html' | 'text'> & { html: Uint8Array; text: Uint8Array }

const encoder = new TextEncoder()
const decoder = new TextDecoder()

/**
 * Packs an article for postMessage; its buffers go in `transfer`. Lone surrogates become
 * U+FFFD, as they would anyway when SQLite stores the string as UTF-8.
 */
export function packArticle(a: NewArticle, transfer: ArrayBuffer[]): PackedArticle {
  // TextEncoder gives each result its own buffer (never a shared pool), so it can be transferred.
  const html = encoder.encode(a.html)
  const text = encoder.encode(a.text)
  transfer.push(html.buffer as ArrayBuffer, text.buffer as ArrayBuffer)
  return { ...a, html, text }
}

/** The article with its html and text as strings, made just before it is written. */
export function unpackArticle(a: NewArticle | PackedArticle): NewArticle {
  if (typeof a.html === 'string') return a as NewArticle
  return { ...a, html: decoder.decode(a.html), text: decoder.decode(a.text as Uint8Array) }
}

/** Memory an article holds on the writer thread while it waits: UTF-8 bytes, or UTF-16 for strings. */
export function heldBytes(a: NewArticle | PackedArticle): number {
  return typeof a.html === 'string' ? 2 * (a.html.length + (a.text as string).length) : a.html.byteLength + (a.text as Uint8Array).byteLength
}
