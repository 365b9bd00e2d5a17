import { z } from 'zod'
import type { Color } from '../model'
import { method, NoArgs } from './define'
import { MAX_QUERY_CHARS } from './library'

/** Most hits one search returns. */
export const MAX_SEARCH_HITS = 200

/** A piece of a snippet; `mark` pieces are the matched terms (render as <mark>, never as HTML). */
export interface Segment {
  text: string
  mark?: true
}

/** One search result: an article, or a highlight/note inside one. */
export interface SearchHit {
  kind: 'article' | 'annotation'
  articleId: string
  /** Set when the hit is a highlight or note: the reader scrolls to it. */
  annotationId: string | null
  title: string
  author: string | null
  published: string | null
  color: Color | null
  /** Text around the matched terms: the article text, or the highlighted quote. */
  snippet: Segment[]
  /** The annotation's note around the matched terms (empty for articles and notes-less highlights). */
  note: Segment[]
  /** bm25 (lower is better); comparable within one search only. */
  score: number
}

export interface SearchResult {
  hits: SearchHit[]
  /** More hits exist beyond `limit`. */
  more: boolean
  /**
   * So many matched that the hits were ranked among the most recent matches
   * only (see RANK_WINDOW in the core): adding words gives a complete ranking.
   */
  windowed: boolean
}

export interface SavedSearch {
  id: number
  name: string
  query: string
  createdAt: string
}

const Query = z.string().max(MAX_QUERY_CHARS, `query is longer than ${MAX_QUERY_CHARS} characters — shorten it`)
const Name = z.string().trim().min(1, 'give the saved search a name').max(200)

export const searchMethods = {
  /**
   * Full-text search over articles (title, author, text) and highlights (quote,
   * note), ranked by bm25. Syntax: words, "phrases", -excluded, prefix*, tag:x,
   * author:x, after:YYYY-MM-DD, before:YYYY-MM-DD, color:yellow, is:annotated,
   * is:unread, is:read, is:archived, in:notes, in:highlights, in:articles.
   */
  'search.query': method<SearchResult>()(
    z.object({ q: Query, limit: z.number().int().min(1).max(MAX_SEARCH_HITS).default(20) }).strict()
  ),
  'search.saved.list': method<SavedSearch[]>()(NoArgs),
  /** Saves a query as a smart collection; the query is checked first. */
  'search.saved.create': method<SavedSearch>()(z.object({ name: Name, query: Query.min(1, 'query is empty') }).strict()),
  'search.saved.update': method<SavedSearch>()(
    z.object({ id: z.number().int().positive(), name: Name.optional(), query: Query.min(1).optional() }).strict()
  ),
  /** Deletes a saved search and returns it, so the UI can offer undo by saving it again. */
  'search.saved.delete': method<SavedSearch>()(z.object({ id: z.number().int().positive() }).strict())
}
