import { TextIndex } from './text-index'

/** A heading of the article, for the table of contents. */
export interface Heading {
  level: number
  text: string
  /** Offset of the heading's first character in the plain text. */
  start: number
}

/** The article parsed once, off-screen, ready to be shown a block at a time. */
export interface ParsedArticle {
  /** Holds the parsed nodes until they are moved into the page. */
  container: HTMLDivElement
  /** Top-level nodes, in order: the units progressive rendering moves. */
  blocks: Node[]
  /** blockStarts[i] is the text offset of blocks[i]; the last entry is the text length. */
  blockStarts: Uint32Array
  index: TextIndex
  headings: Heading[]
}

/** Headings deeper than this are detail, not navigation. */
const TOC_MAX_LEVEL = 4
/** Long headings are cut in the table of contents. */
const TOC_TEXT_CHARS = 120

/**
 * Parses article HTML as the innerHTML of a `<div>` (the core's canonical form, so
 * the text nodes concatenate to exactly `article.text`) inside a document with no
 * browsing context: nothing in it loads, runs or renders until a sanitised chunk
 * is moved into the page.
 */
export function parseArticle(html: string): ParsedArticle {
  const inert = document.implementation.createHTMLDocument('')
  const container = inert.createElement('div')
  container.innerHTML = html
  const blocks = Array.from(container.childNodes)
  const blockStarts = new Uint32Array(blocks.length + 1)
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]
    const len = b.nodeType === Node.TEXT_NODE || b.nodeType === Node.ELEMENT_NODE ? (b.textContent ?? '').length : 0
    blockStarts[i + 1] = blockStarts[i] + len
  }
  const index = new TextIndex(container)
  const headings: Heading[] = []
  for (const h of container.querySelectorAll<HTMLElement>('h1, h2, h3, h4, h5, h6')) {
    const level = Number(h.tagName[1])
    const text = (h.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (level > TOC_MAX_LEVEL || !text) continue
    const start = index.offsetOf(h, 0, container)
    if (start !== null) headings.push({ level, text: text.slice(0, TOC_TEXT_CHARS), start })
  }
  return { container, blocks, blockStarts, index, headings }
}

/** Index of the block holding `offset` (binary search over block starts). */
export function blockAt(blockStarts: Uint32Array, offset: number): number {
  const n = blockStarts.length - 1
  if (n <= 0) return 0
  let lo = 0
  let hi = n - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (blockStarts[mid] <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}
