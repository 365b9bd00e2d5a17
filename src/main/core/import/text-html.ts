/**
 * The blocks a text-derived article is made of (paragraphs, lists, captions, questions,
 * headings, datelines, "Read also" sections), as small trees of a fixed set of elements.
 * Text stays text here — nothing is ever parsed as markup — so the same tree can be
 * written out as the parser's HTML (`blocksToHtml`) and built straight into canonical
 * form (`safe-html.ts`) without a sanitise-and-reparse pass. Blocks are separated by
 * "\n" so the article's plain text keeps whitespace between them.
 */
import type { FoundDate } from './dates'

/** The only elements text-derived articles use; all are on the sanitiser's allow-list. */
export type TextTag =
  | 'p' | 'br' | 'ul' | 'ol' | 'li' | 'figure' | 'figcaption' | 'strong' | 'h2' | 'time' | 'section' | 'a'

/** An element of a text-derived article. Attribute values are plain text (unescaped). */
export interface TextElement {
  tag: TextTag
  attrs?: ReadonlyArray<readonly [name: string, value: string]>
  kids: TextNode[]
}

/** A text run (plain, unescaped) or an element. */
export type TextNode = string | TextElement

// Lines at most this long, two or more to a paragraph, are verse or an address:
// keep their breaks. Hard-wrapped prose uses longer lines (72–80 columns).
const VERSE_MAX_LINE = 60
// Controls are excluded so that a link's address is exactly the text it shows.
const URL = /https?:\/\/[^\s<>"\x00-\x1f\x7f]+/g
// Trailing punctuation that ends the sentence, not the URL.
const URL_TRAIL = /[.,;:!?)\]»"'”’]+$/
// A URL a page shortened with "..." is not a working link.
const TRUNCATED = /(?:\.\.\.|…)$/
const HAS_URL = /https?:\/\//

const el = (tag: TextTag, kids: TextNode[], attrs?: TextElement['attrs']): TextElement =>
  attrs ? { tag, attrs, kids } : { tag, kids }

/** Escapes text for use in element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  if (!/[&<>"']/.test(s)) return s
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Text with bare http(s) URLs turned into links (the visible text is unchanged). */
export function inline(text: string): TextNode[] {
  if (!HAS_URL.test(text)) return [text]
  const out: TextNode[] = []
  let last = 0
  for (const m of text.matchAll(URL)) {
    const url = m[0].replace(URL_TRAIL, '')
    const at = m.index ?? 0
    if (!url || TRUNCATED.test(m[0])) continue
    out.push(text.slice(last, at), el('a', [url], [['href', url]]))
    last = at + url.length
  }
  out.push(text.slice(last))
  return out
}

/** Short lines that mostly do not end a sentence: verse, an address, a list of names. */
function isVerse(lines: string[]): boolean {
  if (lines.length < 2 || !lines.every((l) => l.length <= VERSE_MAX_LINE)) return false
  // One short sentence per line is prose written line by line: join it.
  const sentenceEnds = lines.slice(0, -1).filter((l) => /[.!?…]["»”’)]*$/u.test(l)).length
  return sentenceEnds < (lines.length - 1) / 2
}

/** A paragraph from lines: verse keeps its line breaks, prose lines are joined. */
export function paragraph(lines: string[]): TextElement {
  if (!isVerse(lines)) return el('p', inline(lines.join(' ')))
  // The "\n" after <br> is a text node, so the plain text keeps the line break.
  const kids: TextNode[] = []
  lines.forEach((l, i) => {
    if (i > 0) kids.push(el('br', []), '\n')
    kids.push(...inline(l))
  })
  return el('p', kids)
}

/** A bullet or numbered list. */
export function list(items: string[], ordered: boolean): TextElement {
  const kids: TextNode[] = ['\n']
  for (const i of items) kids.push(el('li', inline(i)), '\n')
  return el(ordered ? 'ol' : 'ul', kids)
}

/** A photo credit or caption, kept apart from the prose. */
export const caption = (text: string): TextElement => el('figure', [el('figcaption', inline(text))])

/** An interview question, visibly distinct even where the class is dropped (it is, on import). */
export const question = (text: string): TextElement => el('p', [el('strong', inline(text))], [['class', 'question']])

/** An interview answer or other dash-led turn, with a typographic dash. */
export const turn = (text: string): TextElement => el('p', ['— ', ...inline(text)])

/** A section heading inside the body. */
export const heading = (text: string): TextElement => el('h2', inline(text))

/** A dateline; `before` is a place or an unused headline written on the same line. */
export function dateline(date: FoundDate, before: string | null): TextElement {
  const time = el('time', [date.raw], [['datetime', date.iso]])
  return el('p', before ? [...inline(before), ' ', time] : [time])
}

/** A "Read also" block, kept as its own list instead of being mixed into the prose. */
export function related(label: string, items: string[]): TextElement {
  return el('section', ['\n', el('p', [el('strong', [label])]), '\n', list(items, false), '\n'])
}

function writeNode(n: TextNode, out: string[]): void {
  if (typeof n === 'string') {
    out.push(escapeHtml(n))
    return
  }
  let open = '<' + n.tag
  for (const [name, value] of n.attrs ?? []) open += ` ${name}="${escapeHtml(value)}"`
  out.push(open + '>')
  if (n.tag === 'br') return
  for (const k of n.kids) writeNode(k, out)
  out.push(`</${n.tag}>`)
}

/** The blocks as HTML, one per line: what the parser reports as the article's HTML. */
export function blocksToHtml(blocks: readonly TextElement[]): string {
  const out: string[] = []
  blocks.forEach((b, i) => {
    if (i > 0) out.push('\n')
    writeNode(b, out)
  })
  return out.join('')
}
