/**
 * Titles for articles that have no headline: the first sentence of the text, cut at a
 * word boundary so that lists of articles stay readable.
 */

/** Longest derived title, including the ellipsis. */
export const TITLE_MAX_CHARS = 100

// A full stop after these is an abbreviation, not the end of a sentence.
const ABBREVIATIONS = new Set(
  ('mr mrs ms dr prof st jr sr vs etc no nos vol fig al gen col lt sgt rev inc ltd co corp approx dept est ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'г гг им ул д т тыс млн млрд руб см стр рис др пр проф акад ген')
    .split(' ')
)
// A title never needs more than the start of a paragraph; bounds the work on huge ones.
const SENTENCE_SCAN_CHARS = 2000
const SENTENCE_END = /[.!?…]+[»"”’)]*(?=\s|$)/gu

/** The first sentence of `text` (initials like "T.S." and abbreviations do not end it). */
export function firstSentence(text: string): string {
  const t = text.slice(0, SENTENCE_SCAN_CHARS).replace(/\s+/g, ' ').trim()
  for (const m of t.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length
    const before = /([\p{L}]+)$/u.exec(t.slice(0, m.index))?.[1] ?? ''
    if (/^\.[»"”’)]*$/u.test(m[0])) {
      // "T.S. Sultangaziev": a single capital before the dot is an initial.
      if (/^\p{Lu}$/u.test(before)) continue
      if (ABBREVIATIONS.has(before.toLowerCase())) continue
    }
    const next = t.slice(end).trimStart()
    // A new sentence starts with a capital, a digit, a quote or a dash; otherwise read on.
    if (next === '' || /^[\p{Lu}\p{N}«"“„'‘(—–-]/u.test(next)) return t.slice(0, end)
  }
  return t
}

/** Shortens to at most `max` characters at a word boundary, ending with "…". */
export function truncateTitle(text: string, max = TITLE_MAX_CHARS): string {
  const t = text.replace(/\s+/g, ' ').trim()
  if (t.length <= max) return t
  const cut = t.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  // One enormous word: cut inside it rather than return nothing.
  const head = space > max / 2 ? cut.slice(0, space) : cut
  return head.replace(/[\s,;:–—-]+$/u, '') + '…'
}

/** A title from running text: first sentence, without its final full stop, shortened. */
export function titleFromText(text: string, max = TITLE_MAX_CHARS): string {
  const sentence = firstSentence(text).replace(/(?<!\.)\.$/, '')
  return truncateTitle(sentence, max)
}

/** A title from a file path or URL: the last path segment without its extension. */
export function titleFromSource(source: string): string {
  const path = source.replace(/[?#].*$/, '').replace(/[\\/]+$/, '')
  let name = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1)
  try {
    name = decodeURIComponent(name)
  } catch {
    // A stray "%" in a file name is just a character.
  }
  return name.replace(/\.[A-Za-z0-9]{1,10}$/, '').trim() || 'Untitled'
}
