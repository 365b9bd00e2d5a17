/**
 * Recognises the kinds of line a saved web page leaves in plain text: site navigation,
 * bylines, photo credits, "Read also" headers, bullets, interview questions, headlines.
 * English and Russian wording; each test looks at one trimmed line.
 */
import { parseDateLine, parseTrailingDate, type FoundDate } from './dates'

/** Longest headline; a longer line without a full stop is a lead paragraph. */
export const HEADLINE_MAX_CHARS = 200
// Captions and bylines are one short line; longer lines are prose that mentions a photo.
const CAPTION_MAX_CHARS = 200
const AUTHOR_MAX_CHARS = 80
const AUTHOR_MAX_WORDS = 6
const NAVIGATION_MAX_CHARS = 60
// Enough of a line's end to see its last word.
const ENDING_CHARS = 40

const NAVIGATION = new RegExp(
  '^(?:[←‹«<]\\s*)?(?:' +
    [
      'go back', 'back', 'back to (?:the )?(?:section|all news|news|news list|list|top|home|homepage|index|main page|previous page|articles)',
      'to the top', 'back to top', 'top of page', 'all news', 'next', 'previous', 'next article', 'previous article',
      'print', 'print version', 'share', 'share this', 'назад', 'вернуться(?: назад)?', 'вернуться (?:к|в|на) .{1,30}',
      'наверх', 'все новости', 'к списку новостей', 'на главную', 'версия для печати', 'поделиться'
    ].join('|') +
    ')(?:\\s*[→›»>])?$',
  'iu'
)
const AUTHOR_LABEL = /^(?:authors?|written by|text|story|автор[ыа]?|текст|материал подготовил[аи]?)\s*[:：]\s*(.+)$/iu
const BY_LINE = /^by\s+(.+)$/iu
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|de|da|del|der|di|du|la|le|van|von|bin|ibn|and|и|&)$/u
// JavaScript's \b only knows ASCII letters, so Cyrillic words use a lookbehind.
const CAPTION = /©|\(c\)\s|\b(?:photo|photograph|image|picture|illustration)s?\s*(?:by\b|:|credit)|(?<!\p{L})фото(?:графия)?\s*[:—–-]|(?<!\p{L})фото\s+\p{Lu}/iu
const RELATED =
  /^(?:read also|also read|see also|read more|related(?: articles| news| stories| posts| links)?|more on (?:this|the) topic|читайте также|смотрите также|читайте ещё|читайте еще|по теме|материалы по теме|похожие (?:новости|статьи|материалы))\s*(?:[:：]\s*(.*))?$/iu
const BULLET = /^(?:[•·▪●◦‣■□➤►]\s*|[*\-–—]\s+)/u
const ORDERED = /^\d{1,3}[.)]\s+/
const DASH_START = /^[-–—]\s+/
const QUESTION_LABEL = /^(?:q|question|вопрос)\s*:\s+/iu
const URL_ONLY = /^https?:\/\/\S+$/i
// Cheap tests on the raw line that every match of the patterns above passes: they keep
// the whitespace clean-up off the long paragraphs that make up most of a text.
const MAYBE_QUESTION = /^\s*(?:[-–—]|q|вопрос)/iu
const MAYBE_CAPTION = /©|\(c\)|photo|image|picture|illustration|фото/iu
const MAYBE_RELATED = /^\s*(?:read|also|see|related|more|читайте|смотрите|по|материалы|похожие)/iu
// A line ending in one of these words is cut mid-sentence, never a headline.
const FUNCTION_WORDS = new Set(
  ('a an the and or but of on in at to from by for with about as than that since until till before after ' +
    'into onto over under is are was were be been и или но а в во на с со от до к ко по из за о об про для при у же что как')
    .split(' ')
)

const clean = (line: string): string => line.replace(/\s+/g, ' ').trim()
// Every line kind here is short; checking the raw length first keeps long paragraphs cheap.
const tooLong = (line: string, max: number): boolean => line.length > 2 * max

/** Site furniture ("Go back", "Back to the section", "Все новости") that belongs to no article. */
export function isNavigationLine(line: string): boolean {
  if (tooLong(line, NAVIGATION_MAX_CHARS)) return false
  const t = clean(line)
  return t.length > 0 && t.length <= NAVIGATION_MAX_CHARS && NAVIGATION.test(t)
}

/** A byline; returns the author's name (and a date written on the same line). */
export function parseAuthorLine(line: string): { author: string; date: FoundDate | null } | null {
  if (tooLong(line, AUTHOR_MAX_CHARS)) return null
  const t = clean(line)
  if (t.length > AUTHOR_MAX_CHARS + 40) return null
  const labelled = AUTHOR_LABEL.exec(t)
  const by = labelled ? null : BY_LINE.exec(t)
  let name = (labelled ?? by)?.[1]
  if (!name) return null
  let date: FoundDate | null = null
  const trailing = parseTrailingDate(name)
  if (trailing) {
    name = trailing.before.replace(/[,|–—-]\s*$/, '').trim()
    date = trailing.date
  }
  name = name.replace(/[.,;]$/, '').trim()
  if (!name || name.length > AUTHOR_MAX_CHARS || !/\p{L}/u.test(name)) return null
  // "By" opens ordinary sentences too ("By the way…"): require a name-shaped phrase.
  if (by) {
    const words = name.split(/[\s,]+/).filter(Boolean)
    if (words.length > AUTHOR_MAX_WORDS || !words.every((w) => NAME_WORD.test(w))) return null
  }
  return { author: name, date }
}

/** A photo credit or caption line ("Stanislav Zas © Photo by …", "Фото: ТАСС"). */
export function isCaptionLine(line: string): boolean {
  if (tooLong(line, CAPTION_MAX_CHARS)) return false
  // CAPTION only ever looks at whitespace as \s, \s* or \s+, so collapsing runs of it
  // cannot change whether a trimmed line matches; clean up only what might.
  if (!MAYBE_CAPTION.test(line) || !CAPTION.test(line.trim())) return false
  return line.length <= CAPTION_MAX_CHARS || clean(line).length <= CAPTION_MAX_CHARS
}

/** "Read also:" and friends; `inline` is an item written on the same line, if any. */
export function parseRelatedHeader(line: string): { label: string; inline: string | null } | null {
  if (tooLong(line, HEADLINE_MAX_CHARS) || !MAYBE_RELATED.test(line)) return null
  const t = clean(line)
  if (t.length > HEADLINE_MAX_CHARS) return null
  const m = RELATED.exec(t)
  if (!m) return null
  const inline = m[1]?.trim() || null
  // "Read more in the Gazette: https://…" is a source note, not a list of links.
  if (inline && /https?:\/\//i.test(inline)) return null
  return { label: inline ? t.slice(0, t.length - inline.length).trim() : t, inline }
}

/** Removes a list marker; null when the line is not a list item. */
export function stripBullet(line: string): { text: string; ordered: boolean } | null {
  const t = line.trim()
  const m = BULLET.exec(t) ?? ORDERED.exec(t)
  if (!m || m[0].length === t.length) return null
  return { text: t.slice(m[0].length), ordered: /^\d/.test(m[0]) }
}

/** A line or paragraph opening with a dash, as interview turns do ("- What is…?"). */
export function stripDash(text: string): string | null {
  const m = DASH_START.exec(text)
  return m ? text.slice(m[0].length) : null
}

/** An interview question: a dash turn ending in "?" (returns it without the dash), or "Q: …"/"Вопрос: …". */
export function questionText(text: string): string | null {
  if (!MAYBE_QUESTION.test(text)) return null
  const t = clean(text)
  // The "Q:" label stays: it is part of what the page showed.
  if (QUESTION_LABEL.test(t)) return t
  const body = stripDash(t)
  return body !== null && /\?[»"”’)]*$/u.test(body) ? body : null
}

/** True when the line ends mid-sentence (comma, dash, preposition): the next line continues it. */
export function endsMidSentence(line: string): boolean {
  const t = clean(line.slice(-ENDING_CHARS))
  if (/[,;:(\-–—]$/.test(t)) return true
  const last = /(\p{L}+)$/u.exec(t)?.[1]?.toLowerCase()
  return last !== undefined && FUNCTION_WORDS.has(last)
}

/**
 * A line that reads as a headline: short, starts with a capital, digit or quote, does
 * not end with a full stop or mid-sentence, and is none of the other kinds above.
 */
export function isHeadlineLike(line: string): boolean {
  if (tooLong(line, HEADLINE_MAX_CHARS)) return false
  const t = clean(line)
  if (t.length < 2 || t.length > HEADLINE_MAX_CHARS || !/\p{L}/u.test(t)) return false
  if (!/^[\p{Lu}\p{N}«"“„'‘(]/u.test(t)) return false
  if (/[.,;:]$/.test(t) && !/\.\.\.$/.test(t)) return false
  if (endsMidSentence(t) || URL_ONLY.test(t)) return false
  return !(
    isNavigationLine(t) || parseAuthorLine(t) || isCaptionLine(t) || parseRelatedHeader(t) ||
    stripBullet(t) || parseDateLine(t)
  )
}
