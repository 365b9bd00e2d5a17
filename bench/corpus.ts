/**
 * Synthetic articles of realistic shape for benchmarks: 2–20 KB of paragraphs made
 * of a Zipf-distributed vocabulary (English and Russian, so the tokenizer does real
 * Unicode work), with a dated title line, plus the real news digest.
 */
import { readFileSync } from 'node:fs'
import { rng } from '../src/main/core/reliability/random'

const EN = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she all their there been one has would more when will who its if so into no time out up only other could two
them than then some what first may these over such new also any after years most where way my those through very our
security treaty organization peacekeeping forces training ministry foreign affairs republic meeting council conference
extremist ideology cooperation military humanitarian assistance convoy checkpoint refugee mandate operation collective
member states delegation secretary general anniversary interview coordination biological ceremony exercise region border
analysis archive historian manuscript annotation research evidence hypothesis library journal chapter citation quotation`.split(/\s+/)
const RU = `и в не на что с как по это он из за но от то все она так его для же вы бы мы уже они да если был ещё
безопасность договор организация миротворческие силы учения министерство иностранных дел республика встреча совет
конференция сотрудничество военный гуманитарный помощь конвой беженцы мандат операция коллективной государства ёлка
делегация генеральный секретарь годовщина интервью координация биологической церемония граница архив история журнал`.split(/\s+/)

/** The same seeded generator the kill test uses, so every run benchmarks the same corpus. */
export { rng }

function zipfPick(words: string[], r: () => number): string {
  // Squaring a uniform variate skews picks toward the head of the list like natural text.
  return words[Math.floor(r() * r() * words.length)]
}

function sentence(r: () => number, words: string[]): string {
  const n = 6 + Math.floor(r() * 18)
  const parts: string[] = []
  for (let i = 0; i < n; i++) parts.push(zipfPick(words, r))
  const s = parts.join(' ')
  return s[0].toUpperCase() + s.slice(1) + '.'
}

export interface SyntheticArticle {
  name: string
  text: string
}

/** Article i of a corpus: a title line, a date line, then paragraphs up to 2–20 KB. */
export function syntheticArticle(i: number, seed = 1): SyntheticArticle {
  const r = rng(seed * 1_000_003 + i)
  const words = r() < 0.2 ? RU : EN
  const target = 2_000 + Math.floor(r() * 18_000)
  const title = sentence(r, words).slice(0, 90).replace(/\.$/, '')
  const day = 1 + Math.floor(r() * 28)
  const month = 1 + Math.floor(r() * 12)
  const lines = [`${title} ${i}`, '', `${2000 + Math.floor(r() * 25)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, '']
  let size = lines.join('\n').length
  while (size < target) {
    const p: string[] = []
    const n = 2 + Math.floor(r() * 6)
    for (let k = 0; k < n; k++) p.push(sentence(r, words))
    const para = p.join(' ')
    lines.push(para, '')
    size += para.length + 2
  }
  return { name: `synthetic-${i}.txt`, text: lines.join('\n') }
}

export const REAL_DIGEST = readFileSync(new URL('../resources/news-digest-csto.txt', import.meta.url), 'utf8')
