/**
 * HTML snippets for text-derived articles. Every piece of text is escaped here, and
 * block elements are joined with "\n" by the caller so that the article's plain text
 * (the concatenation of its text nodes) keeps whitespace between blocks. Only elements
 * on the sanitiser's allow-list are used; `class` may be stripped, so questions are
 * also <strong>.
 */
import type { FoundDate } from './dates'

// Lines at most this long, two or more to a paragraph, are verse or an address:
// keep their breaks. Hard-wrapped prose uses longer lines (72–80 columns).
const VERSE_MAX_LINE = 60
const URL = /https?:\/\/[^\s<>"]+/g
// Trailing punctuation that ends the sentence, not the URL.
const URL_TRAIL = /[.,;:!?)\]»"'”’]+$/
// A URL a page shortened with "..." is not a working link.
const TRUNCATED = /(?:\.\.\.|…)$/

/** Escapes text for use in element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')
}

/** Escaped text with bare http(s) URLs turned into links (the visible text is unchanged). */
export function inlineHtml(text: string): string {
  let out = ''
  let last = 0
  for (const m of text.matchAll(URL)) {
    const url = m[0].replace(URL_TRAIL, '')
    const at = m.index ?? 0
    if (!url || TRUNCATED.test(m[0])) continue
    out += escapeHtml(text.slice(last, at)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`
    last = at + url.length
  }
  return out + escapeHtml(text.slice(last))
}

/** Short lines that mostly do not end a sentence: verse, an address, a list of names. */
function isVerse(lines: string[]): boolean {
  if (lines.length < 2 || !lines.every((l) => l.length <= VERSE_MAX_LINE)) return false
  // One short sentence per line is prose written line by line: join it.
  const sentenceEnds = lines.slice(0, -1).filter((l) => /[.!?…]["»”’)]*$/u.test(l)).length
  return sentenceEnds < (lines.length - 1) / 2
}

/** A paragraph from lines: verse keeps its line breaks, prose lines are joined. */
export function paragraphHtml(lines: string[]): string {
  if (isVerse(lines))
    // The "\n" after <br> is a text node, so the plain text keeps the line break.
    return `<p>${lines.map(inlineHtml).join('<br>\n')}</p>`
  return `<p>${inlineHtml(lines.join(' '))}</p>`
}

/** A bullet or numbered list. */
export function listHtml(items: string[], ordered: boolean): string {
  const tag = ordered ? 'ol' : 'ul'
  return `<${tag}>\n${items.map((i) => `<li>${inlineHtml(i)}</li>`).join('\n')}\n</${tag}>`
}

/** A photo credit or caption, kept apart from the prose. */
export const captionHtml = (text: string): string => `<figure><figcaption>${inlineHtml(text)}</figcaption></figure>`

/** An interview question, visibly distinct even if the sanitiser drops the class. */
export const questionHtml = (text: string): string => `<p class="question"><strong>${inlineHtml(text)}</strong></p>`

/** An interview answer or other dash-led turn, with a typographic dash. */
export const turnHtml = (text: string): string => `<p>— ${inlineHtml(text)}</p>`

/** A section heading inside the body. */
export const headingHtml = (text: string): string => `<h2>${inlineHtml(text)}</h2>`

/** A dateline; `before` is a place or an unused headline written on the same line. */
export function dateHtml(date: FoundDate, before: string | null): string {
  const time = `<time datetime="${date.iso}">${escapeHtml(date.raw)}</time>`
  return `<p>${before ? `${inlineHtml(before)} ` : ''}${time}</p>`
}

/** A "Read also" block, kept as its own list instead of being mixed into the prose. */
export function relatedHtml(label: string, items: string[]): string {
  return `<section>\n<p><strong>${escapeHtml(label)}</strong></p>\n${listHtml(items, false)}\n</section>`
}
