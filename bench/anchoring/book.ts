/**
 * A book-length (3 MB) text for anchoring: the digest's own words in a seeded
 * random order (same vocabulary, so fuzzy searches meet many near misses), with the
 * real article in the middle, plus the edits the anchoring cases apply to it.
 */
import { readFileSync } from 'node:fs'

export const ARTICLE = readFileSync(new URL('../../resources/news-digest-csto.txt', import.meta.url), 'utf8')

export function book(): { text: string; articleAt: number } {
  const words = ARTICLE.split(/\s+/).filter(Boolean)
  let seed = 42
  const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32
  const half: string[] = []
  for (let length = 0; length < 1_500_000; ) {
    const word = words[Math.floor(random() * words.length)]
    half.push(word)
    length += word.length + 1
  }
  const filler = half.join(' ')
  return { text: `${filler}\n\n${ARTICLE}\n\n${[...half].reverse().join(' ')}`, articleAt: filler.length + 2 }
}

export const SHORT = 'the IV meeting of the Coordination Council'
export const LONG =
  'According to the Ministry of Foreign Affairs of Kazakhstan, on September 26, 2024, under the chairmanship of the Deputy Prime Minister - Minister of Foreign Affairs of the Republic of Kazakhstan Murat Nurtleu, a working meeting of foreign ministers'
export const REWRITTEN_LONG = LONG.replace('According to', 'According to a statement by')
  .replace('September 26, 2024', '26 September 2024')
  .replace('Deputy Prime Minister', 'Deputy PM')
  .replace('foreign ministers', 'the foreign ministers')

export const moved = (s: string): string => 'Preface. '.repeat(20_000) + s
/** V8 concatenates lazily and flattens on first search; stored articles are already flat. */
export const flat = (s: string): string => {
  s.indexOf('\u0000')
  return s
}

export interface AnchorCase {
  name: string
  phrase: string
  edit: (text: string) => string
  /** What anchoring should conclude: the method, or null for an orphan. */
  expected: 'exact' | 'fuzzy' | null
  /** Text the anchor must land on, when it should land. */
  lands?: string
}

export const CASES: AnchorCase[] = [
  { name: 'moved 180 KB', phrase: SHORT, edit: moved, expected: 'exact', lands: SHORT },
  { name: 'edited in place', phrase: SHORT, edit: (t) => t.replace('Coordination Council', 'Co-ordination Counsel'), expected: 'fuzzy' },
  { name: 'short, moved and edited', phrase: SHORT, edit: (t) => moved(t.replace('Coordination Council', 'Co-ordination Counsel')), expected: 'fuzzy' },
  { name: 'long, moved and edited throughout', phrase: LONG, edit: (t) => moved(t.replace(LONG, REWRITTEN_LONG)), expected: 'fuzzy', lands: REWRITTEN_LONG },
  { name: 'short, deleted', phrase: SHORT, edit: (t) => t.replace(SHORT, ''), expected: null },
  { name: 'long, deleted', phrase: LONG, edit: (t) => t.replace(LONG, ''), expected: null }
]
