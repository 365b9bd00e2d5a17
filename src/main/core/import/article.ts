/**
 * Builds one article from text units: finds its headline, date and byline near the top,
 * then renders the body. The headline moves to the title (and its repeats are dropped);
 * datelines and bylines stay in the body as the page showed them. "Read also" blocks
 * are moved to the end as a separate list so they do not interrupt the prose.
 */
import type { ParsedDoc } from './types'
import { parseDateLine } from './dates'
import {
  isCaptionLine, isHeadlineLike, parseAuthorLine, parseRelatedHeader, questionText, stripBullet, stripDash
} from './text-lines'
import { blocksToHtml, caption, dateline, heading, list, paragraph, question, related, turn, type TextElement } from './text-html'
import { canonicalBlocks } from './safe-html'
import { MAX_HTML_CHARS } from './html-limits'
import { titleFromText } from './titles'
import { unitText, type TextUnit, type Unit } from './text-units'

// Title, byline and dateline sit in the first few paragraphs of an article.
const HEAD_SCAN_UNITS = 6
// A header block ("Title" / "By Someone" on adjacent lines) is only a few lines long.
const HEADER_BLOCK_MAX_LINES = 4
// Link titles in a "Read also" list are short; longer lines are prose again.
const RELATED_ITEM_MAX_CHARS = 150
// Section headings inside a body are short lines between paragraphs.
const SUBHEADING_MAX_CHARS = 80

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim()
const single = (u: Unit | undefined): string | null => (u?.kind === 'text' && u.lines.length === 1 ? u.lines[0] : null)

/** Splits a "Title / By Someone" block into one unit per line so the head scan sees each. */
function explodeHeaderBlocks(units: Unit[]): Unit[] {
  return units.flatMap((u, i) => {
    if (i >= HEAD_SCAN_UNITS || u.kind !== 'text' || u.lines.length < 2 || u.lines.length > HEADER_BLOCK_MAX_LINES) return [u]
    const known = (l: string): boolean => isHeadlineLike(l) || !!parseAuthorLine(l) || isCaptionLine(l)
    if (!u.lines.some((l) => parseAuthorLine(l)) || !u.lines.every(known)) return [u]
    return u.lines.map((l): Unit => ({ kind: 'text', lines: [l] }))
  })
}

// Bounds on what blocksToHtml writes: per character of text at most 6 (an escape such
// as &quot;), twice over for a link (its text and its href), plus the tag around a link;
// per line or unit a fixed number of tags, separators and the dateline's <time>.
const HTML_CHARS_PER_CHAR = 16
const HTML_CHARS_PER_LINE = 128

/** An upper bound on the length of the HTML the units render to, counted without rendering it. */
function htmlCharsBound(units: readonly Unit[]): number {
  let chars = 0
  let lines = 0
  for (const u of units) {
    lines++
    if (u.kind === 'date') chars += u.date.raw.length + (u.before?.length ?? 0)
    else
      for (const l of u.lines) {
        chars += l.length
        lines++
      }
  }
  return HTML_CHARS_PER_CHAR * chars + HTML_CHARS_PER_LINE * lines
}

interface Head {
  title: string | null
  author: string | null
  published: string | null
  /** Indices of units consumed by the head (the headline and its repeats). */
  skip: Set<number>
}

/**
 * norm(line) === title, for a title already normalised. Most lines tested are whole
 * paragraphs, and norm() rewrites all of one: a line whose first word differs is
 * turned down before that (the trimmed line must start with the title's first word).
 */
function repeatsTitle(line: string, title: string): boolean {
  // norm() only shortens, so a shorter line cannot repeat the title.
  if (line.length < title.length) return false
  const space = title.indexOf(' ')
  return line.trimStart().startsWith(space < 0 ? title : title.slice(0, space)) && norm(line) === title
}

function scanHead(units: Unit[]): Head {
  const head: Head = { title: null, author: null, published: null, skip: new Set() }
  const hasTextAfter = (i: number): boolean => units.slice(i + 1).some((u) => u.kind === 'text')
  for (let i = 0; i < Math.min(units.length, HEAD_SCAN_UNITS); i++) {
    const u = units[i]
    if (u.kind === 'date') {
      head.published ??= u.date.iso
      if (u.headline && u.before && head.title === null) head.title = norm(u.before)
      continue
    }
    const line = single(u)
    const byline = line === null ? null : parseAuthorLine(line)
    if (byline) {
      head.author ??= byline.author
      head.published ??= byline.date?.iso ?? null
      continue
    }
    if (line !== null && head.title !== null && repeatsTitle(line, head.title)) {
      head.skip.add(i)
      continue
    }
    if (line !== null && head.title === null && isHeadlineLike(line) && hasTextAfter(i)) {
      head.title = norm(line)
      head.skip.add(i)
      continue
    }
    if (line !== null && isCaptionLine(line)) continue
    // The first prose paragraph ends the title search; bylines may still follow a lead.
    if (head.title === null) head.title = ''
  }
  // A lone date further down (an essay signed at the end) is still its date.
  if (head.published === null) head.published = units.find((u) => u.kind === 'date')?.date.iso ?? null
  return head
}

/** Renders one paragraph-unit by what it looks like. */
function renderText(u: TextUnit, prev: Unit | undefined, next: Unit | undefined): TextElement {
  const bullets = u.lines.map(stripBullet)
  const dashOnly = u.lines.every((l) => stripDash(l) !== null)
  if (bullets.every((b) => b !== null) && (u.lines.length > 1 || !dashOnly))
    return list(bullets.map((b) => b!.text), bullets.every((b) => b!.ordered))
  const text = unitText(u)
  if (u.lines.length === 1 && isCaptionLine(text)) return caption(text)
  const q = questionText(text)
  if (q !== null) return question(q)
  const dashed = stripDash(text)
  if (dashed !== null) return turn(dashed)
  const prose = (x: Unit | undefined): boolean => x?.kind === 'text' && unitText(x).length > SUBHEADING_MAX_CHARS
  if (u.lines.length === 1 && text.length <= SUBHEADING_MAX_CHARS && !/[!?…]$/.test(text) &&
      isHeadlineLike(text) && prose(prev) && prose(next))
    return heading(text)
  return paragraph(u.lines)
}

/** A following unit that continues a "Read also" list. `first`: right after the header. */
function relatedItems(u: Unit | undefined, first: boolean): string[] | null {
  if (u?.kind !== 'text') return null
  const items = u.lines.map((l) => {
    const b = stripBullet(l)
    if (!first && (!b || stripDash(l) !== null)) return null // "- " after the list is an interview turn
    const t = b?.text ?? l
    return t.length <= RELATED_ITEM_MAX_CHARS && questionText(l) === null ? t : null
  })
  return items.every((i) => i !== null) ? (items as string[]) : null
}

/**
 * Builds a ParsedDoc from the units of one article. `fallbackTitle` is used only when
 * the text has neither a headline nor a first sentence (e.g. it is all dates).
 * `preface` (text above a digest's first item) is rendered first but never read for
 * the title, so a page heading like "News" does not name the first item.
 */
export function buildArticle(input: Unit[], fallbackTitle: string, preface: Unit[] = []): ParsedDoc {
  const units = explodeHeaderBlocks(input)
  const head = scanHead(units)
  const body: TextElement[] = preface.map((u, i) =>
    u.kind === 'date' ? dateline(u.date, u.before) : renderText(u, preface[i - 1], preface[i + 1])
  )
  const relatedBlocks: TextElement[] = []
  let firstProse: string | null = null
  for (let i = 0; i < units.length; i++) {
    if (head.skip.has(i)) continue
    const u = units[i]
    if (u.kind === 'date') {
      const before = u.headline && u.before !== null && norm(u.before) === head.title ? null : u.before
      body.push(dateline(u.date, before))
      continue
    }
    const header = u.lines.length >= 1 ? parseRelatedHeader(u.lines[0]) : null
    if (header) {
      const items = [...(header.inline ? [header.inline] : []), ...u.lines.slice(1).map((l) => stripBullet(l)?.text ?? l)]
      let j = i + 1
      for (let more = relatedItems(units[j], items.length === 0); more; more = relatedItems(units[++j], false)) items.push(...more)
      if (items.length > 0) {
        relatedBlocks.push(related(header.label, items))
        i = j - 1
        continue
      }
    }
    const text = unitText(u)
    if (firstProse === null && !isCaptionLine(text) && !parseAuthorLine(text) && !parseDateLine(text))
      firstProse = stripDash(text) ?? text
    body.push(renderText(u, units[i - 1], units[i + 1]))
  }
  const title = head.title || (firstProse !== null ? titleFromText(firstProse) : '') || fallbackTitle
  const blocks = [...body, ...relatedBlocks]
  const canonical = canonicalBlocks(blocks)
  const meta = { title, author: head.author, published: head.published }
  if (canonical && htmlCharsBound([...preface, ...units]) <= MAX_HTML_CHARS) {
    // The pipeline stores the canonical form and never reads this HTML (it could not
    // exceed the size limit, see htmlCharsBound), so it is written only if asked for.
    let html: string | undefined
    return Object.defineProperty({ ...meta, canonical } as ParsedDoc, 'html', {
      get: () => (html ??= blocksToHtml(blocks)),
      enumerable: true
    })
  }
  const html = blocksToHtml(blocks)
  // Over the limit, the canonical form is left out, so the pipeline sanitises this HTML and refuses it with the usual message.
  return { ...meta, html, ...(canonical && html.length <= MAX_HTML_CHARS ? { canonical } : {}) }
}
