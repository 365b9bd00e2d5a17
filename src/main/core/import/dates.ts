/**
 * Recognises dates written the way news pages print them, so the text importers can
 * tell a dateline ("02.10.2024", "26 сентября 2024 г.", "Headline 30.05.2022") from a
 * date mentioned inside prose. Only whole-line dates and dates that end a short line
 * are recognised: a date in the middle of a sentence never counts.
 */

/** A date found in a line: its ISO form (YYYY-MM-DD) and the text it was written as. */
export interface FoundDate {
  iso: string
  raw: string
}

/** A line that ends with a date, e.g. a headline followed by its publication date. */
export interface TrailingDate {
  /** The line without the date and the separator before it. */
  before: string
  date: FoundDate
}

// Years outside this range are far more likely to be numbers than publication dates.
const YEAR_MIN = 1800
const YEAR_MAX = 2199

const MONTHS: Record<string, number> = {}
const addMonths = (names: string[][]): void => {
  names.forEach((forms, i) => forms.forEach((f) => (MONTHS[f] = i + 1)))
}
addMonths([
  ['january', 'jan'], ['february', 'feb'], ['march', 'mar'], ['april', 'apr'],
  ['may'], ['june', 'jun'], ['july', 'jul'], ['august', 'aug'],
  ['september', 'sep', 'sept'], ['october', 'oct'], ['november', 'nov'], ['december', 'dec']
])
// Russian: nominative, genitive (the form used in dates) and the usual abbreviations.
addMonths([
  ['январь', 'января', 'янв'], ['февраль', 'февраля', 'фев', 'февр'], ['март', 'марта', 'мар'],
  ['апрель', 'апреля', 'апр'], ['май', 'мая'], ['июнь', 'июня', 'июн'], ['июль', 'июля', 'июл'],
  ['август', 'августа', 'авг'], ['сентябрь', 'сентября', 'сен', 'сент'],
  ['октябрь', 'октября', 'окт'], ['ноябрь', 'ноября', 'ноя', 'нояб'], ['декабрь', 'декабря', 'дек']
])

const WEEKDAY =
  '(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|' +
  'понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)\\.?'
const LABEL =
  '(?:published|posted|updated|date|dated|опубликовано|обновлено|дата(?:\\s+публикации)?)\\s*(?:on\\s*)?[:：]?'
const TIME = '(?:\\s*[,|–—-]?\\s*(?:at\\s+|в\\s+)?\\d{1,2}:\\d{2}(?::\\d{2})?(?:\\s*[ap]\\.?m\\.?)?)'
const ORD = '(?:st|nd|rd|th)?'
const MONTH_WORD = '(\\p{L}+)\\.?'
const RU_YEAR_SUFFIX = '(?:\\s*(?:г\\.?|года?))?'

interface Pattern {
  source: string
  /** Turns the capture groups into [year, month, day]; month may be a word to look up. */
  pick: (m: RegExpExecArray) => [string, string, string]
}

const PATTERNS: Pattern[] = [
  { source: '(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})' + RU_YEAR_SUFFIX, pick: (m) => [m[3], m[2], m[1]] },
  { source: '(\\d{4})-(\\d{2})-(\\d{2})(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?', pick: (m) => [m[1], m[2], m[3]] },
  { source: `(\\d{1,2})${ORD}\\s+${MONTH_WORD},?\\s+(\\d{4})${RU_YEAR_SUFFIX}`, pick: (m) => [m[3], m[2], m[1]] },
  { source: `${MONTH_WORD}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})`, pick: (m) => [m[3], m[1], m[2]] }
]

const compile = (wrap: (p: string) => string): RegExp[] =>
  PATTERNS.map((p) => new RegExp(wrap(p.source), 'iu'))

// Whole line: optional label and weekday, the date, an optional time; nothing else.
const WHOLE_LINE = compile(
  (p) => `^\\s*(?:${LABEL}\\s*)?(?:${WEEKDAY},?\\s+)?(${p})${TIME}?\\s*$`
)
// End of line: some text, a separator, then the date (and optional time).
const LINE_END = compile(
  (p) => `^(.*?\\S)(?:\\s*[|–—•·,]\\s*|\\s+-\\s+|\\s+)(?:${WEEKDAY},?\\s+)?(${p})${TIME}?\\s*$`
)
const LIKELY_DATE_END = /(?:\d|г\.?|года?|m\.?)\s*$/iu
// Every pattern writes the year as four digits: a line without four digits in a row holds
// no date, and this one cheap test spares it the expensive case-insensitive matchers.
const HAS_YEAR = /\d{4}/
const SEPARATOR_PREFIX = /^\s*[|–—•·,-]?\s*/

/** Builds an ISO date from parts, or null when the parts are not a real calendar date. */
function toIso(yearText: string, monthText: string, dayText: string): string | null {
  const year = Number(yearText)
  const month = /^\d+$/.test(monthText) ? Number(monthText) : MONTHS[monthText.toLowerCase()]
  const day = Number(dayText)
  if (!month || year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1) return null
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCMonth() !== month - 1) return null // e.g. 31.02.2024
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Re-bases the groups so pick() sees the whole date at [0] and its own groups from [1]. */
function pickFrom(m: RegExpExecArray, outerGroup: number, p: Pattern): string | null {
  const inner = m.slice(outerGroup) as unknown as RegExpExecArray
  const [y, mo, d] = p.pick(inner)
  return toIso(y, mo, d)
}

/**
 * Parses a line that is nothing but a date (optionally labelled "Published:", with a
 * weekday or a time), e.g. "02.10.2024", "September 26, 2024", "26 сентября 2024 г.".
 */
export function parseDateLine(line: string): FoundDate | null {
  if (line.length > 80 || !HAS_YEAR.test(line)) return null
  for (let i = 0; i < PATTERNS.length; i++) {
    const m = WHOLE_LINE[i].exec(line)
    if (!m) continue
    const iso = pickFrom(m, 1, PATTERNS[i])
    if (iso) return { iso, raw: line.trim() }
  }
  return null
}

/**
 * Finds a date that ends a line ("Headline text 30.05.2022"); returns the text before it.
 * Callers decide whether that text is a headline; this only reads the date.
 */
export function parseTrailingDate(line: string): TrailingDate | null {
  // Every date form ends in a year, a time or a Russian "г."/"года": skip other lines cheaply.
  // The longest ending it accepts ("года") is 4 characters and trimEnd drops exactly the
  // \s it allows after it, so the last 4 characters of the trimmed line decide.
  if (!LIKELY_DATE_END.test(line.trimEnd().slice(-4)) || !HAS_YEAR.test(line)) return null
  for (let i = 0; i < PATTERNS.length; i++) {
    const m = LINE_END[i].exec(line)
    if (!m) continue
    const iso = pickFrom(m, 2, PATTERNS[i])
    if (!iso) continue
    const raw = line.slice(m[1].length).replace(SEPARATOR_PREFIX, '').trim()
    return { before: m[1].trim(), date: { iso, raw } }
  }
  return null
}
