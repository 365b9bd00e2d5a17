/**
 * Chooses between the Cyrillic code pages by decoding with each and scoring how much
 * the result looks like Russian prose. chardet alone often mistakes windows-1251,
 * KOI8-R and Mac Cyrillic for one another: KOI8-R read as windows-1251 swaps case and
 * scrambles letters, and Mac Cyrillic differs from windows-1251 mainly in capitals.
 */
import iconv from 'iconv-lite'

/** Cyrillic code pages worth trying, by the names decodeText reports. */
export const CYRILLIC_ENCODINGS = ['windows-1251', 'KOI8-R', 'x-mac-cyrillic', 'IBM866', 'ISO-8859-5']

const ICONV_NAMES: Record<string, string> = { 'x-mac-cyrillic': 'maccyrillic' }

// The ten most frequent Russian letters make up about 60% of running text.
const COMMON_LETTERS = new Set('оеаинтсрвл')
// Frequent Russian bigrams; a wrong code page turns them into rare combinations.
const COMMON_BIGRAMS = new Set(
  ('ст но то на ен ов ни ра во ко ал пр ли ер от ос по не ре го ка ор ро ан ет ол ть ел за ом ва ла ие ат ин ти ый ск ес ль ит ри ле од ве ел ем ой ая ия ых ак ки де ме').split(' ')
)
const RUSSIAN_LETTER = /[а-яёіїєґў]/i
const CYRILLIC = /[\u0400-\u04ff]/
// Punctuation that legitimately accompanies Cyrillic text in these code pages.
const NEUTRAL = new Set('«»—–…“”„‘’№•·°\u00a0')
// Dashes, bullets and № stand apart from words; glued to a letter they are a
// capital letter of another code page (Mac Cyrillic "С" is windows-1251 "‘", "Ч" is "—").
const GLUE_SENSITIVE = new Set('—–•№')

// Weights of the score parts; penalties outweigh rewards because one stray symbol
// per word is a far stronger sign of a wrong code page than a slightly odd letter mix.
const LOWERCASE_WEIGHT = 0.5
const ODD_WEIGHT = 2
const SENTENCE_CAPS_WEIGHT = 0.5
// Words with a capital after a small letter, or starting with ъ/ь, do not occur in Russian.
const BAD_WORD_WEIGHT = 1
// Below this the best decoding is still not Russian-like (random high bytes score ~0).
const MIN_SCORE = 0.8
// A decoding whose non-ASCII characters are mostly not Russian letters is not Russian.
const MIN_LETTER_SHARE = 0.8

/** The chosen code page and its decoded text. */
export interface CyrillicDecoding {
  encoding: string
  text: string
  score: number
}

/** Scores decoded text; higher means more like Russian prose. Exported for tests. */
export function russianScore(text: string): { score: number; letterShare: number } {
  const chars = Array.from(text)
  let cyr = 0
  let common = 0
  let lower = 0
  let nonAscii = 0
  let odd = 0
  chars.forEach((ch, i) => {
    if (ch <= '\x7f' || /\s/.test(ch)) return
    if (NEUTRAL.has(ch) && !(GLUE_SENSITIVE.has(ch) && (isLetter(chars[i - 1]) || isLetter(chars[i + 1])))) return
    nonAscii++
    if (!RUSSIAN_LETTER.test(ch)) {
      odd++
      return
    }
    cyr++
    const low = ch.toLowerCase()
    if (low === ch) lower++
    if (COMMON_LETTERS.has(low)) common++
  })
  if (cyr === 0) return { score: -Infinity, letterShare: 0 }
  const words = text.match(/[\u0400-\u04ff]+/g) ?? []
  let bigrams = 0
  let goodBigrams = 0
  let bad = 0
  for (const w of words) {
    const lw = w.toLowerCase()
    for (let i = 0; i + 1 < lw.length; i++) {
      bigrams++
      if (COMMON_BIGRAMS.has(lw.slice(i, i + 2))) goodBigrams++
    }
    if (/[а-яё][А-ЯЁ]/.test(w) || /^[ъьЪЬ]/.test(w)) bad++
  }
  // First letter of each sentence or line, past quotes, dashes and Markdown marks.
  const starts = [...text.matchAll(/(?:^|[.!?…]\s+|\n)[\s#*>\-–—«"“„'‘(]*(\p{L})/gu)]
    .map((m) => m[1])
    .filter((c) => CYRILLIC.test(c))
  const capitalStarts = starts.filter((c) => /[А-ЯЁ]/.test(c)).length
  const score =
    common / cyr +
    (bigrams ? goodBigrams / bigrams : 0) +
    LOWERCASE_WEIGHT * (lower / cyr) +
    SENTENCE_CAPS_WEIGHT * (starts.length ? capitalStarts / starts.length : 0) -
    ODD_WEIGHT * (odd / nonAscii) -
    BAD_WORD_WEIGHT * (words.length ? bad / words.length : 0)
  return { score, letterShare: cyr / nonAscii }
}

const isLetter = (ch: string | undefined): boolean => ch !== undefined && /\p{L}/u.test(ch)

/**
 * Decodes `bytes` with every Cyrillic code page and returns the most Russian-looking
 * result, or null when none looks like Cyrillic text. `preferred` (chardet's ranking)
 * only breaks ties.
 */
export function bestCyrillicDecoding(bytes: Uint8Array, preferred: string[] = []): CyrillicDecoding | null {
  const rank = (name: string): number => {
    const i = preferred.findIndex((p) => p.toLowerCase() === name.toLowerCase())
    return i === -1 ? preferred.length : i
  }
  const order = [...CYRILLIC_ENCODINGS].sort((a, b) => rank(a) - rank(b))
  let best: CyrillicDecoding | null = null
  for (const encoding of order) {
    const text = iconv.decode(Buffer.from(bytes), ICONV_NAMES[encoding] ?? encoding)
    if (!CYRILLIC.test(text)) continue
    const { score, letterShare } = russianScore(text)
    if (letterShare < MIN_LETTER_SHARE || score < MIN_SCORE) continue
    if (!best || score > best.score) best = { encoding, text, score }
  }
  return best
}
