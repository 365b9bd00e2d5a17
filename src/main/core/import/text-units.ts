/**
 * Cuts plain text into units: paragraphs (runs of non-blank lines) and datelines. A
 * dateline is a line that is only a date, or a headline ending in a date; it is split
 * out of its paragraph unless the line before it is unfinished (the date then belongs to
 * a hard-wrapped sentence). Navigation lines are dropped here, so nothing downstream
 * ever sees them.
 */
import { parseDateLine, parseTrailingDate, type FoundDate } from './dates'
import { HEADLINE_MAX_CHARS, endsMidSentence, isHeadlineLike, isNavigationLine } from './text-lines'

/** A paragraph: its non-blank lines, trimmed. */
export interface TextUnit {
  kind: 'text'
  lines: string[]
}

/** A dateline. `before` is the text before the date on the same line, if any. */
export interface DateUnit {
  kind: 'date'
  date: FoundDate
  before: string | null
  /** True when `before` is the item's headline; false when it is a place ("Moscow"). */
  headline: boolean
}

/** What text is cut into: paragraphs and datelines, in document order. */
export type Unit = TextUnit | DateUnit

// "Moscow, 26.09.2024" is a dateline with a place; a headline has more words than that.
const PLACE_MAX_WORDS = 2
const PLACE = /^\p{Lu}[\p{L}'’-]*(?:\s\p{Lu}[\p{L}'’-]*)?$/u
// A headline before a date needs a few words; "Report 2024-10-02" is more likely a label.
const HEADLINE_MIN_WORDS = 3
// Lines the previous sentence ended on, so a headline may start on the next line.
const SENTENCE_END = /[.!?…»"”')]$/u
// A headline plus a long written date ("Wednesday, 26 September 2024, 14:35"); longer
// lines are paragraphs, and skipping them keeps big files fast.
const DATELINE_MAX_CHARS = HEADLINE_MAX_CHARS + 60

const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length

/** Reads a line as a dateline, or null. `atStart`: nothing unfinished precedes it. */
function dateline(line: string, atStart: boolean): DateUnit | null {
  const whole = parseDateLine(line)
  if (whole) return { kind: 'date', date: whole, before: null, headline: false }
  if (!atStart || line.length > DATELINE_MAX_CHARS) return null
  const t = parseTrailingDate(line)
  if (!t) return null
  if (wordCount(t.before) >= HEADLINE_MIN_WORDS && isHeadlineLike(t.before))
    return { kind: 'date', date: t.date, before: t.before, headline: true }
  if (wordCount(t.before) <= PLACE_MAX_WORDS && PLACE.test(t.before))
    return { kind: 'date', date: t.date, before: t.before, headline: false }
  return null
}

/** Splits normalised text (\n line endings) into units, dropping navigation lines. */
export function toUnits(text: string): Unit[] {
  const units: Unit[] = []
  let block: string[] = []
  const flush = (): void => {
    if (block.length) units.push({ kind: 'text', lines: block })
    block = []
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || isNavigationLine(line)) {
      flush()
      continue
    }
    const prev = block.length ? block[block.length - 1] : null
    // A date right after an unfinished line is part of that sentence, not a dateline.
    if (prev === null || !endsMidSentence(prev)) {
      const atStart = prev === null || SENTENCE_END.test(prev)
      const d = dateline(line, atStart)
      if (d) {
        flush()
        units.push(d)
        continue
      }
    }
    block.push(line)
  }
  flush()
  return units
}

/** The unit's text with its lines joined by spaces. */
export const unitText = (u: TextUnit): string => u.lines.join(' ')
