/**
 * Builds the canonical form of a text-derived article (see text-html.ts) directly,
 * without writing HTML, sanitising it and parsing it again. It is exact: for every
 * tree it accepts, the result equals `canonicalize(sanitizeHtml(blocksToHtml(blocks)))`
 * (safe-html.test.ts checks this on thousands of random trees and files), so the
 * stored HTML, its plain text and every annotation offset are what the generic path
 * would give. It accepts only a fixed set of tags and attributes; anything else makes
 * it return null and the caller takes the generic path.
 */
import { BLOCK, escapeAttr, escapeText, isWellFormed, wellFormed, type Canonical } from './canonical-text'
import { MAX_HTML_CHARS } from './html-limits'
import { ImportError } from './types'
import type { TextElement, TextNode } from './text-html'

/** Elements whose text and structure the builder reproduces exactly. */
const TAGS = new Set(['p', 'br', 'ul', 'ol', 'li', 'figure', 'figcaption', 'strong', 'h2', 'time', 'section', 'a'])
/** Attributes kept, with the only values they may have; the sanitiser keeps these as they are. */
const KEPT_ATTRIBUTES: Record<string, { name: string; value: RegExp }> = {
  a: { name: 'href', value: /^https?:\/\/[^\s<>"\x00-\x1f\x7f]*$/ },
  time: { name: 'datetime', value: /^\d{4}-\d{2}-\d{2}$/ }
}
/** Attributes the sanitiser removes (classes are not on its allow-list). */
const DROPPED_ATTRIBUTES = new Set(['class'])

/** Thrown inside the builder to give up on a tree it does not reproduce exactly. */
class Unsupported extends Error {}

/** A text node: its text, and that text escaped as the canonical serialiser writes it. */
interface Text {
  text: string
  html: string
}

/** An element with its children normalised the way a browser's parser would see them. */
interface Built {
  tag: string
  attrs: string
  kids: Array<Built | Text>
}

/**
 * Whether a run holds nothing wellFormed, the CR/NUL clean-up or escapeText would change,
 * as most runs do. One native indexOf per character is about twice as fast as one scan
 * with a regex class (16 against 34 µs for an 11,000-character article).
 */
function isPlainRun(run: string): boolean {
  return !(run.includes('&') || run.includes('<') || run.includes('>') || run.includes('\r') || run.includes('\0') ||
    run.includes('\u00a0')) && isWellFormed(run)
}
const NEWLINE: Text = { text: '\n', html: '\n' }

/**
 * What the HTML parser does to text in element content: CRLF and CR become LF, NUL is
 * dropped (and canonicalize replaces unpaired surrogates). Adjacent runs are joined first (CR then LF across runs is one line break),
 * and empty runs vanish, as they would as text nodes.
 */
function normaliseKids(kids: readonly TextNode[]): Array<Built | Text> {
  const out: Array<Built | Text> = []
  let run = ''
  const flush = (): void => {
    if (isPlainRun(run)) {
      if (run !== '') out.push({ text: run, html: run })
      run = ''
      return
    }
    // Surrogates first, as canonicalize does before parsing: "\ud83d\0\udfff" is two
    // unpaired halves, not a pair once the NUL is gone.
    const w = wellFormed(run)
    const t = /[\r\0]/.test(w) ? w.replace(/\r\n?/g, '\n').replace(/\0/g, '') : w
    if (t !== '') out.push({ text: t, html: escapeText(t) })
    run = ''
  }
  for (const k of kids) {
    if (typeof k === 'string') run += k
    else {
      flush()
      out.push(build(k))
    }
  }
  flush()
  return out
}

function build(e: TextElement): Built {
  if (!TAGS.has(e.tag)) throw new Unsupported(e.tag)
  let attrs = ''
  for (const [name, value] of e.attrs ?? []) {
    if (DROPPED_ATTRIBUTES.has(name)) continue
    const rule = KEPT_ATTRIBUTES[e.tag]
    if (!rule || rule.name !== name || !rule.value.test(value)) throw new Unsupported(`${e.tag} ${name}`)
    attrs += ` ${name}="${escapeAttr(wellFormed(value))}"`
  }
  if (e.tag === 'br') return { tag: 'br', attrs, kids: [] }
  return { tag: e.tag, attrs, kids: normaliseKids(e.kids) }
}

const isText = (n: Built | Text): n is Text => !('tag' in n)
const isBlock = (n: Built | Text): boolean => !isText(n) && BLOCK.has(n.tag)
const breaksAfter = (n: Built | Text): boolean => !isText(n) && (BLOCK.has(n.tag) || n.tag === 'br')
const startsWithSpace = (n: Built | Text): boolean => isText(n) && /^\s/.test(n.text)
const endsWithSpace = (n: Built | Text): boolean => isText(n) && /\s$/.test(n.text)

/** Writes nodes, adding "\n" at block boundaries that have no whitespace (as canonicalize does). */
function write(kids: ReadonlyArray<Built | Text>, html: string[], text: string[]): void {
  for (let i = 0; i < kids.length; i++) {
    const cur = kids[i]
    if (i > 0) {
      const prev = kids[i - 1]
      if ((breaksAfter(prev) || isBlock(cur)) && !endsWithSpace(prev) && !startsWithSpace(cur)) {
        html.push('\n')
        text.push('\n')
      }
    }
    if (isText(cur)) {
      html.push(cur.html)
      text.push(cur.text)
      continue
    }
    html.push(`<${cur.tag}${cur.attrs}>`)
    if (cur.tag === 'br') continue
    write(cur.kids, html, text)
    html.push(`</${cur.tag}>`)
  }
}

/**
 * The canonical HTML and plain text of text-derived blocks, or null when a block uses
 * something outside the builder's allow-list (then sanitise and canonicalise instead).
 * @throws ImportError when the HTML would exceed MAX_HTML_CHARS, as canonicalize does.
 */
export function canonicalBlocks(blocks: readonly TextElement[]): Canonical | null {
  const top: Array<Built | Text> = []
  try {
    blocks.forEach((b, i) => {
      if (i > 0) top.push(NEWLINE)
      top.push(build(b))
    })
  } catch (e) {
    if (e instanceof Unsupported) return null
    throw e
  }
  const html: string[] = []
  const text: string[] = []
  write(top, html, text)
  const out = { html: html.join(''), text: text.join('') }
  if (out.html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      `document too large (${Math.round(out.html.length / 1048576)} MB of HTML, limit ${MAX_HTML_CHARS / 1048576} MB) — split it into smaller files`
    )
  }
  return out
}
