/**
 * What the reader shows an article from: its top-level blocks, with the text
 * offset of each, known before any is shown.
 */

/** A heading of the article, for the table of contents. */
export interface Heading {
  level: number
  text: string
  /** Offset of the heading's first character in the plain text. */
  start: number
}

/** Blocks [from, to) made ready for the page. */
export interface TakenBlocks {
  fragment: DocumentFragment
  /** Their text nodes, in order (for the text index). */
  nodes: Text[]
  /** Nodes or attributes the second sanitiser removed (0 for content the core stored). */
  removed: number
}

/**
 * Where the article's top-level blocks come from. Every block's text offset is
 * known before any of it is shown, so a long book can be shown in any order.
 */
export interface BlockSource {
  /** Blocks known so far (all of them once `complete`). */
  readonly count: number
  /**
   * Blocks that became known before the ones known at first (an article shown
   * from the middle learns its beginning last): every index given out earlier
   * is now this much higher minus what it was then.
   */
  readonly prepended: number
  /** starts[i] is the text offset of block i; starts[count] is where the known blocks end. */
  readonly starts: ArrayLike<number>
  /** True once every block is known. */
  readonly complete: boolean
  /** The headings known so far (all of them once `complete`). */
  readonly headings: Heading[]
  /** Makes the blocks holding text up to `text` known (at once). @throws TextMismatch */
  ensure(text: number): void
  /** Learns about `htmlChars` more of the article, if not complete (between frames). @throws TextMismatch */
  advance(htmlChars: number): void
  /** Sanitised blocks [from, to), checked against the article's text. @throws TextMismatch */
  take(from: number, to: number): TakenBlocks
  /**
   * The rest of an article given in part: the article's `html` and `text` from
   * their start, holding what was given before at the same offsets. @throws TextMismatch
   */
  extend(html: string, text: string, partial: boolean): void
}

/** Thrown when shown text would not equal the article's text at the same offsets. */
export class TextMismatch extends Error {}

/** Headings deeper than this are detail, not navigation. */
export const TOC_MAX_LEVEL = 4
/** Long headings are cut in the table of contents. */
export const TOC_TEXT_CHARS = 120

/** A heading's text as the table of contents shows it. */
export const headingText = (s: string): string => s.replace(/\s+/g, ' ').trim().slice(0, TOC_TEXT_CHARS)

