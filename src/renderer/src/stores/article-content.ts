import type { Article } from '@shared/model'
import { api } from '../api/client'

/**
 * Bytes of HTML and of text asked for first: the first screens of a book (about
 * 55,000 characters of prose), and the whole of most articles. The page shows
 * them while the rest of a book is on its way.
 */
export const FIRST_PART_BYTES = 64 * 1024

/** An article as the reader receives it: whole, or its beginning first. */
export interface ArrivingArticle {
  /** The article, or of a long one the beginning of its HTML and text. */
  article: Article
  /**
   * Decodes the rest (already on its way) and resolves with the whole article;
   * null when `article` is whole. Called when the page has time for megabytes of
   * decoding: after the first screen and its highlights are painted.
   */
  rest: (() => Promise<Article>) | null
}

// ignoreBOM keeps a leading U+FEFF in the text: dropping it would shift every offset.
const utf8 = () => new TextDecoder('utf-8', { ignoreBOM: true })

/**
 * Fetches an article for the reader: its details as JSON and its HTML and text
 * as UTF-8 bytes (which the page decodes far faster than it parses them out of
 * JSON, and the core sends without decoding or escaping them), the first
 * FIRST_PART_BYTES of each at once and the rest after, so a book's first screen
 * waits for neither the transfer nor the decoding of megabytes.
 */
export async function fetchArticle(id: string): Promise<ArrivingArticle> {
  const [head, htmlStart, textStart] = await Promise.all([
    api('articles.open', { id }),
    api('articles.content', { id, part: 'html', to: FIRST_PART_BYTES }),
    api('articles.content', { id, part: 'text', to: FIRST_PART_BYTES })
  ])
  const htmlDecoder = utf8()
  const textDecoder = utf8()
  if (htmlStart.byteLength < FIRST_PART_BYTES && textStart.byteLength < FIRST_PART_BYTES)
    return { article: { ...head, html: htmlDecoder.decode(htmlStart), text: textDecoder.decode(textStart) }, rest: null }
  // A piece may end inside a character: streaming decoders keep its first bytes for the next piece.
  const first: Article = { ...head, html: htmlDecoder.decode(htmlStart, { stream: true }), text: textDecoder.decode(textStart, { stream: true }) }
  const bytes = Promise.all([
    api('articles.content', { id, part: 'html', from: FIRST_PART_BYTES }),
    api('articles.content', { id, part: 'text', from: FIRST_PART_BYTES })
  ])
  // Reported by whoever asks for the rest; this keeps a failure nobody asked about quiet.
  bytes.catch(() => {})
  let whole: Promise<Article> | null = null
  const rest = () =>
    (whole ??= bytes.then(([h, t]): Article => ({ ...first, html: first.html + htmlDecoder.decode(h), text: first.text + textDecoder.decode(t) })))
  // A book reopened where it was left needs the whole text to find that place (a fraction of its length).
  if (head.progress > 0) return { article: await rest(), rest: null }
  return { article: first, rest }
}
