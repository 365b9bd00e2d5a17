/**
 * The benchmark's search queries: one to three words, common and rare, English
 * and Russian (with ё), phrases and prefixes, drawn by rank from the same
 * vocabulary the corpus was written with, so "common" means common in it.
 */
import { ENGLISH, Random, RUSSIAN, type Vocabulary } from './vocabulary'

/** Ranks below this are stop words ("the", "и"), which nobody searches alone. */
const FIRST_CONTENT_RANK = 30

function pick(r: Random, v: Vocabulary, from: number, to: number): string {
  return v.words[Math.min(v.words.length - 1, from + r.int(to - from))]
}

export interface BenchQuery {
  q: string
  kind: string
}

/** 60 queries; deterministic. */
export function benchQueries(): BenchQuery[] {
  const r = new Random(99)
  const out: BenchQuery[] = []
  const add = (kind: string, n: number, make: () => string) => {
    for (let i = 0; i < n; i++) out.push({ kind, q: make() })
  }
  add('common word', 12, () => pick(r, ENGLISH, FIRST_CONTENT_RANK, 300))
  add('medium word', 8, () => pick(r, ENGLISH, 1_000, 5_000))
  add('rare word', 10, () => pick(r, ENGLISH, 20_000, ENGLISH.words.length))
  add('two common words', 6, () => `${pick(r, ENGLISH, FIRST_CONTENT_RANK, 300)} ${pick(r, ENGLISH, FIRST_CONTENT_RANK, 300)}`)
  add('common + rare', 6, () => `${pick(r, ENGLISH, FIRST_CONTENT_RANK, 300)} ${pick(r, ENGLISH, 10_000, ENGLISH.words.length)}`)
  add('three words', 4, () => [0, 1, 2].map(() => pick(r, ENGLISH, FIRST_CONTENT_RANK, 3_000)).join(' '))
  add('phrase', 4, () => `"${pick(r, ENGLISH, FIRST_CONTENT_RANK, 200)} ${pick(r, ENGLISH, 0, 30)}"`)
  add('prefix', 2, () => `${pick(r, ENGLISH, 1_000, 10_000).slice(0, 5)}*`)
  out.push({ kind: 'russian ё', q: 'учёные' }, { kind: 'russian ё', q: 'елка' }, { kind: 'russian', q: 'мерзлота ледник' })
  add('russian rare', 5, () => pick(r, RUSSIAN, 10_000, RUSSIAN.words.length))
  return out
}
