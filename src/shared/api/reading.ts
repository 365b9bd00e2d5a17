import { z } from 'zod'
import type { Article, Color } from '../model'
import { Id, method } from './define'

/**
 * The calls the reader opens an article with. A book is megabytes of HTML and
 * text and may carry thousands of highlights; sent as one JSON answer it costs
 * the core (strings decoded from SQLite, JSON escaping) and the page (JSON
 * parsing) several hundred milliseconds before anything is shown. So the reader
 * asks for the small parts as JSON and the content as raw UTF-8 bytes, and for
 * what it paints of the highlights before their full details.
 */

/** An article without its content: what `articles.get` answers, less `html` and `text`. */
export type ArticleHead = Omit<Article, 'html' | 'text'>

/**
 * A top-level block boundary of an article: [text offset, text byte, HTML offset,
 * HTML byte] — offsets in UTF-16 units of `text` and `html`, bytes of their UTF-8.
 */
export type BlockMark = [text: number, textByte: number, html: number, htmlByte: number]

/**
 * Where a long article is reopened: its saved position as a text offset and the
 * whole blocks holding it, to fetch and show before the rest (`articles.content`
 * with the bytes [from, to) of each part). The text of those blocks starts at
 * `from[0]`; their HTML is the article's HTML from `from[2]`.
 */
export interface ResumePoint {
  /** The saved position: round(progress × textLength), as the reader computes it. */
  offset: number
  textLength: number
  /** The block boundary at or before `offset`. */
  from: BlockMark
  /** A block boundary a few screens after `offset`; null: the end of the article. */
  to: BlockMark | null
}

/** What `articles.open` answers: the details, and of a long article reopened part-way, where to begin. */
export type OpenedArticle = ArticleHead & { resume?: ResumePoint }

const ByteOffset = z.number().int().min(0)

export const CONTENT_PARTS = ['html', 'text'] as const
export type ContentPart = (typeof CONTENT_PARTS)[number]

/**
 * The live, placed highlights of an article as parallel columns (index i of each
 * is one highlight), in reading order: what the reader needs to paint them. The
 * full annotations (quote, note, tags…) come from `annotations.list`.
 */
export interface AnnotationSpans {
  ids: string[]
  starts: number[]
  ends: number[]
  colors: Color[]
}

/** How the HTTP bridge marks a byte result, so the page's client hands back a Uint8Array. */
export const BYTES_CONTENT_TYPE = 'application/octet-stream'

export const readingMethods = {
  /** An article's details without its content (see `articles.content`), and where to resume a long one. */
  'articles.open': method<OpenedArticle>()(z.object({ id: Id }).strict()),
  /**
   * An article's sanitised HTML or plain text as UTF-8 bytes, all of them or the
   * bytes [from, to) (a piece may end inside a character: decode the pieces with
   * one streaming decoder). Byte results travel as bytes (an octet-stream answer
   * over HTTP, a Uint8Array over IPC), never as JSON.
   */
  'articles.content': method<Uint8Array>()(
    z
      .object({ id: Id, part: z.enum(CONTENT_PARTS), from: ByteOffset.default(0), to: ByteOffset.optional() })
      .strict()
      .refine((a) => a.to === undefined || a.to >= a.from, { message: 'to must not be before from', path: ['to'] })
  ),
  /** What the reader paints of an article's highlights, before their details arrive. */
  'annotations.spans': method<AnnotationSpans>()(z.object({ articleId: Id }).strict())
}
