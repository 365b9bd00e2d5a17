/**
 * The .md parser: YAML front matter for metadata, `marked` (GFM) for the body. Raw HTML
 * in the Markdown is passed through on purpose — the pipeline's sanitiser removes
 * anything dangerous, and authors do use <sup>, <mark>, tables and the like.
 */
import { Marked, type Token, type Tokens, type TokensList } from 'marked'
import { parseDocument } from 'yaml'
import { ImportError, type ParsedDoc, type Parser } from './types'
import { decodeText } from './encoding'
import { parseDateLine } from './dates'
import { titleFromSource } from './titles'

// "---" on line 1, YAML, then "---" (or YAML's "...") on a line of its own.
const FRONT_MATTER = /^---[ \t]*\n(?:([\s\S]*?)\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

// Enough of the offending line to find it; the line number says exactly where.
const QUOTED_LINE_MAX = 40

const marked = new Marked({ gfm: true, async: false })

type Meta = Record<string, unknown>

/** Parses the front matter block; `firstLine` is its first YAML line in the file (1-based). */
function parseFrontMatter(yamlText: string, firstLine: number): Meta {
  const doc = parseDocument(yamlText)
  const err = doc.errors[0]
  if (err) {
    const at = err.linePos?.[0]?.line ?? 1
    const reason = err.message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '').replace(/\.$/, '')
    const shown = (yamlText.split('\n')[at - 1] ?? '').trim().slice(0, QUOTED_LINE_MAX)
    throw new ImportError(
      `malformed YAML front matter at line ${firstLine - 1 + at} ("${shown}"): ${reason} — fix that line or remove the front matter`
    )
  }
  let data: unknown
  try {
    // Aliases are resolved here, not while parsing: an alias to no anchor, or so many that
    // they could expand without end, throw now.
    data = doc.toJS()
  } catch (e) {
    const reason = ((e as Error)?.message ?? String(e)).split('\n')[0].replace(/\.$/, '')
    throw new ImportError(`malformed YAML front matter at line ${firstLine} (${reason}) — fix it or remove the front matter`)
  }
  if (data === null || data === undefined) return {}
  if (typeof data !== 'object' || Array.isArray(data))
    throw new ImportError(`front matter at line ${firstLine} is not a list of "key: value" lines — write it as "title: …" lines or remove it`)
  return data as Meta
}

const str = (v: unknown): string | null =>
  typeof v === 'string' ? v.trim() || null : typeof v === 'number' ? String(v) : null

/** "Ann", ["Ann", "Bob"], {name: "Ann"} or [{name: "Ann"}] → "Ann, Bob". */
function authorOf(v: unknown): string | null {
  const one = (x: unknown): string | null =>
    str(x) ?? (x && typeof x === 'object' && !Array.isArray(x) ? str((x as Meta).name) : null)
  const names = (Array.isArray(v) ? v : [v]).map(one).filter((n): n is string => n !== null)
  return names.length ? names.join(', ') : null
}

/** Front-matter dates: ISO strings kept as written, other date forms via dates.ts. */
function dateOf(v: unknown): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString()
  const s = str(v)
  if (s === null) return null
  if (ISO_DATE.test(s) && !Number.isNaN(Date.parse(s))) return s
  return parseDateLine(s)?.iso ?? null
}

/** Tags as a YAML list or a comma-separated string; trimmed, blanks and repeats removed. */
function tagsOf(v: unknown): string[] {
  const raw = Array.isArray(v) ? v.map(str) : (str(v)?.split(',') ?? [])
  return [...new Set(raw.map((t) => t?.trim() ?? '').filter(Boolean))]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' }
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' && e !== '#39'
      ? String.fromCodePoint(parseInt(e.slice(e[1].toLowerCase() === 'x' ? 2 : 1), e[1].toLowerCase() === 'x' ? 16 : 10))
      : (ENTITIES[e.toLowerCase()] ?? m)
  )

/** Visible text of inline tokens (a heading's words without Markdown or tags). */
function plainText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      if (t.type === 'html') return ''
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length) return plainText(t.tokens)
      return 'text' in t && typeof t.text === 'string' ? decodeEntities(t.text) : ''
    })
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Index of the first h1 if it opens the body (only blank space before it), else -1. */
function leadingH1(tokens: TokensList): number {
  const i = tokens.findIndex((t) => t.type !== 'space')
  return i >= 0 && tokens[i].type === 'heading' && (tokens[i] as Tokens.Heading).depth === 1 ? i : -1
}

function firstH1Title(tokens: TokensList): string | null {
  const h = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && (t as Tokens.Heading).depth === 1)
  return h ? plainText(h.tokens) || null : null
}

/** Parses a Markdown file (with optional YAML front matter) into one article. */
export const parseMarkdown: Parser = (input) => {
  const { text, encoding } = decodeText(input.bytes, input.declaredCharset)
  const fm = FRONT_MATTER.exec(text)
  const meta = fm ? parseFrontMatter(fm[1] ?? '', 2) : {}
  const tokens = marked.lexer(fm ? text.slice(fm[0].length) : text)
  const h1 = leadingH1(tokens)
  const metaTitle = str(meta.title)
  const title = metaTitle ?? firstH1Title(tokens) ?? titleFromSource(input.source)
  // The opening "# Title" would repeat the title shown above the article: drop it.
  if (h1 >= 0 && plainText((tokens[h1] as Tokens.Heading).tokens) === title) tokens.splice(h1, 1)
  const doc: ParsedDoc = {
    title,
    author: authorOf(meta.author ?? meta.authors),
    published: dateOf(meta.date ?? meta.published ?? meta.pubDate),
    html: marked.parser(tokens).trim(),
    url: str(meta.source) ?? str(meta.url) ?? str(meta.link) ?? str(meta.canonical),
    language: str(meta.lang) ?? str(meta.language)
  }
  const tags = tagsOf(meta.tags ?? meta.keywords)
  if (tags.length) doc.tags = tags
  return { docs: [doc], format: 'markdown', encoding }
}
