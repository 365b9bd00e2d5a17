/** What a teammate's file holds once read and checked: the shapes the merge works on. */
import type { Color } from '../../../shared/model'

/** What the sender's file says about one of their articles, to find it here. */
export interface IncomingArticle {
  /** The article's id in the sender's library. */
  ref: string
  title: string | null
  /** Where it came from (URL or the sender's file path). */
  source: string | null
  contentHash: string | null
}

/** One annotation from the file, normalised (ids as UUIDs, times as toISOString()). */
export interface IncomingAnnotation {
  id: string
  /** The sender's article id (scholia:article), when the file names it. */
  articleRef: string | null
  /** target.source: the article's URL, or urn:scholia:sha256:<hash>, or another tool's IRI. */
  source: string
  exact: string
  prefix: string
  suffix: string
  /** TextPositionSelector, when the file has one. */
  start: number | null
  end: number | null
  color: Color
  note: string
  tags: string[]
  creator: string | null
  created: string
  modified: string
  /** When it was deleted (a tombstone), or null. */
  deleted: string | null
}

/** A shared file, read and validated; annotations that failed their checks are in `rejected`. */
export interface SharedNotes {
  annotations: IncomingAnnotation[]
  /** By the sender's article id. */
  articles: Map<string, IncomingArticle>
  rejected: { id: string | null; reason: string }[]
}
