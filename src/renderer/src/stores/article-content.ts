import type { ArticleHead, ResumePoint } from '@shared/api/reading'
import type { Article } from '@shared/model'
import { api } from '../api/client'

/**
 * Bytes of HTML and of text asked for first: the first screens of a book (about
 * 55,000 characters of prose), and the whole of most articles. The page shows
 * them while the rest of a book is on its way.
 */
export const FIRST_PART_BYTES = 64 * 1024

/** An article as the reader receives it: whole, or part of it first. */
export interface ArrivingArticle {
  /**
   * The article, or of a long one the beginning of its HTML and text, or (reopened
   * part-way, see `resume`) the blocks holding the reading position.
   */
  article: Article
  /**
   * Decodes the rest (already on its way) and resolves with the whole article;
   * null when `article` is whole. Called when the page has time for megabytes of
   * decoding: after the first screen and its highlights are painted.
   */
  rest: (() => Promise<Article>) | null
  /**
   * Of a long article reopened part-way: `article.html` is the article's HTML from
   * `base.html` on, `article.text` its text with the part before `base.text`
   * replaced by filler of the same length (so offsets hold), and `offset` the
   * saved position.
   */
  resume: { base: { text: number; html: number }; offset: number } | null
}

/**
 * Stands for text not received yet: NUL, which no typed search holds, and which
 * keeps the string one byte per character when the text is Latin-1 (a copy of a
 * megabyte and a half is made of it once, at the first slice).
 */
const NOT_YET = '\u0000'

// ignoreBOM keeps a leading U+FEFF in the text: dropping it would shift every offset.
const utf8 = () => new TextDecoder('utf-8', { ignoreBOM: true })

/** The first FIRST_PART_BYTES of an article's HTML and of its text. */
const askStart = (id: string) =>
  Promise.all([api('articles.content', { id, part: 'html', to: FIRST_PART_BYTES }), api('articles.content', { id, part: 'text', to: FIRST_PART_BYTES })])

/** What the reader knows before asking for an article. */
export interface FetchOptions {
  /** The library list shows a reading position part-way: ask where to resume before asking for any content. */
  partWay?: boolean
  /** Called once every request for the content that paints first is sent (the server answers in arrival order). */
  sent?: () => void
}

/**
 * Fetches an article for the reader: its details as JSON and its HTML and text
 * as UTF-8 bytes (which the page decodes far faster than it parses them out of
 * JSON, and the core sends without decoding or escaping them), the first
 * FIRST_PART_BYTES of each at once and the rest after, so a book's first screen
 * waits for neither the transfer nor the decoding of megabytes. A long article
 * reopened part-way is fetched from the blocks holding its position instead.
 */
export async function fetchArticle(id: string, { partWay = false, sent = () => {} }: FetchOptions = {}): Promise<ArrivingArticle> {
  // Most articles open at their start: that part is asked for with the details, not after them.
  const opening = api('articles.open', { id })
  let starts = partWay ? null : askStart(id)
  if (starts) sent()
  // Not awaited if the article resumes part-way; this keeps its failure quiet.
  starts?.catch(() => {})
  const { resume, ...head } = await opening
  if (resume) return fetchFromPosition(head, resume, sent)
  if (!starts) {
    starts = askStart(id)
    sent()
  }
  const [htmlStart, textStart] = await starts
  const htmlDecoder = utf8()
  const textDecoder = utf8()
  if (htmlStart.byteLength < FIRST_PART_BYTES && textStart.byteLength < FIRST_PART_BYTES)
    return { article: { ...head, html: htmlDecoder.decode(htmlStart), text: textDecoder.decode(textStart) }, rest: null, resume: null }
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
  // An article too short for the core to resume part-way is quicker to fetch whole than to scan from its start.
  if (head.progress > 0) return { article: await rest(), rest: null, resume: null }
  return { article: first, rest, resume: null }
}

/**
 * A long article reopened part-way: the whole blocks the core says hold the saved
 * position (they begin and end between characters), then all of it.
 */
async function fetchFromPosition(head: ArticleHead, resume: ResumePoint, sent: () => void): Promise<ArrivingArticle> {
  const { id } = head
  const { from, to } = resume
  const part = Promise.all([
    api('articles.content', { id, part: 'html', from: from[3], to: to?.[3] }),
    api('articles.content', { id, part: 'text', from: from[1], to: to?.[1] })
  ])
  sent()
  const [html, text] = await part
  const article: Article = { ...head, html: utf8().decode(html), text: NOT_YET.repeat(from[0]) + utf8().decode(text) }
  const bytes = Promise.all([api('articles.content', { id, part: 'html' }), api('articles.content', { id, part: 'text' })])
  bytes.catch(() => {})
  let whole: Promise<Article> | null = null
  const rest = () => (whole ??= bytes.then(([h, t]): Article => ({ ...head, html: utf8().decode(h), text: utf8().decode(t) })))
  return { article, rest, resume: { base: { text: from[0], html: from[2] }, offset: resume.offset } }
}
