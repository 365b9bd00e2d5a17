/**
 * Turns a PDF page's positioned text items (as pdf.js reports them) into lines and
 * paragraphs. PDFs have no paragraphs, only glyph runs at coordinates, so breaks are
 * inferred from vertical gaps, indentation and font size.
 */

/** One text run: its string, baseline origin (PDF units, y grows upwards) and size. */
export interface TextRun {
  str: string
  x: number
  y: number
  width: number
  height: number
  hasEOL: boolean
}

export interface Line {
  text: string
  x: number
  y: number
  xEnd: number
  height: number
}

export interface Paragraph {
  text: string
  /** Font size relative to the page's body text; > 1.25 suggests a heading. */
  scale: number
}

/** Two runs belong to one line when their baselines differ by less than this × size. */
const SAME_LINE = 0.5
/** A horizontal gap wider than this × size between runs is a word space. */
const WORD_GAP = 0.15
/** A line gap wider than this × the usual one starts a new paragraph. */
const PARAGRAPH_GAP = 1.35
/** A first line indented by more than this × size starts a new paragraph. */
const INDENT = 1.0

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** Groups runs (in content-stream order) into visual lines. */
export function toLines(runs: readonly TextRun[]): Line[] {
  const lines: Line[] = []
  let cur: (Line & { eol: boolean }) | null = null
  for (const run of runs) {
    const h = run.height || 1
    const newLine =
      cur !== null &&
      (cur.eol || Math.abs(run.y - cur.y) > SAME_LINE * Math.max(h, cur.height))
    if (cur && newLine) {
      if (cur.text.trim()) lines.push(cur)
      cur = null
    }
    if (run.str === '') {
      if (cur && run.hasEOL) cur.eol = true
      continue
    }
    if (!cur) cur = { text: '', x: run.x, y: run.y, xEnd: run.x, height: h, eol: false }
    const gap = run.x - cur.xEnd
    if (cur.text && gap > WORD_GAP * h && !/\s$/.test(cur.text) && !/^\s/.test(run.str)) cur.text += ' '
    cur.text += run.str
    cur.xEnd = Math.max(cur.xEnd, run.x + run.width)
    cur.height = Math.max(cur.height, h)
    cur.eol = run.hasEOL
  }
  if (cur && cur.text.trim()) lines.push(cur)
  return lines.map(({ text, x, y, xEnd, height }) => ({ text: text.replace(/\s+/g, ' ').trim(), x, y, xEnd, height }))
}

/**
 * The usual line spacing: the lower quartile of gaps, because paragraph breaks and
 * headings only ever widen gaps, and a page may have few lines.
 */
function usualGap(values: number[]): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor((sorted.length - 1) / 4)]
}

/** Body text size: the size that carries the most characters on the page. */
function bodySizeOf(lines: readonly Line[]): number {
  const weight = new Map<number, number>()
  for (const l of lines) {
    const size = Math.round(l.height * 2) / 2
    weight.set(size, (weight.get(size) ?? 0) + l.text.length)
  }
  let best = 0
  let bestWeight = -1
  for (const [size, w] of weight) if (w > bestWeight) [best, bestWeight] = [size, w]
  return best
}

/** Joins wrapped lines: drops a hyphen that split a word, no space between CJK. */
function joinLines(a: string, b: string): string {
  if (/\p{L}[-\u00ad]$/u.test(a) && /^\p{Ll}/u.test(b)) return a.slice(0, -1) + b
  if (CJK.test(a.slice(-1)) && CJK.test(b[0] ?? '')) return a + b
  return `${a} ${b}`
}

/** Groups a page's lines into paragraphs. */
export function toParagraphs(lines: readonly Line[]): Paragraph[] {
  const bodySize = bodySizeOf(lines) || 1
  const gaps = lines.slice(1).map((l, i) => lines[i].y - l.y).filter((g) => g > 0)
  const lineGap = usualGap(gaps) || bodySize * 1.2
  const left = Math.min(...lines.map((l) => l.x))
  const out: Paragraph[] = []
  let text = ''
  let size = 0
  lines.forEach((line, i) => {
    const prev = lines[i - 1]
    const gap = prev ? prev.y - line.y : 0
    const sizeChange = prev && Math.abs(line.height - prev.height) > 0.2 * bodySize
    const indented = prev && line.x - prev.x > INDENT * line.height && line.x - left > INDENT * line.height
    const breakHere = !prev || gap <= 0 || gap > PARAGRAPH_GAP * lineGap || sizeChange || indented
    if (breakHere && text) {
      out.push({ text, scale: size / bodySize })
      text = ''
      size = 0
    }
    text = text ? joinLines(text, line.text) : line.text
    size = Math.max(size, line.height)
  })
  if (text) out.push({ text, scale: size / bodySize })
  return out
}

/** Text normalised so page numbers and running heads compare equal across pages. */
const shape = (s: string): string => s.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * Drops running headers and footers: lines among the first or last two of a page whose
 * shape (digits ignored) recurs on at least half the pages. Only for 3+ pages.
 */
export function dropRunningLines(pages: Line[][]): Line[][] {
  if (pages.length < 3) return pages
  const edge = (lines: Line[]): Line[] => [...lines.slice(0, 2), ...lines.slice(-2)]
  const counts = new Map<string, number>()
  for (const lines of pages) {
    for (const s of new Set(edge(lines).map((l) => shape(l.text)))) counts.set(s, (counts.get(s) ?? 0) + 1)
  }
  const threshold = Math.max(3, Math.ceil(pages.length / 2))
  return pages.map((lines) => {
    const edges = new Set(edge(lines))
    return lines.filter((l) => !(edges.has(l) && (counts.get(shape(l.text)) ?? 0) >= threshold))
  })
}
