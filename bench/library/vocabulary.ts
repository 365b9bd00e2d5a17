/**
 * A Zipf-distributed vocabulary for the library benchmark: real English and
 * Russian words at the head (so common-word queries hit tens of thousands of
 * articles, as "the" or "security" would) and tens of thousands of made-up but
 * pronounceable words in the long tail (so rare-word queries hit a handful).
 */

const EN_HEAD = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she all their there been one has would more when will who its if so into no time out up only other could two
them than then some what first may these over such new also any after years most where way my those through very our
security treaty organization peacekeeping forces training ministry foreign affairs republic meeting council conference
extremist ideology cooperation military humanitarian assistance convoy checkpoint refugee mandate operation collective
member states delegation secretary general anniversary interview coordination biological ceremony exercise region border
analysis archive historian manuscript annotation research evidence hypothesis library journal chapter citation quotation
climate glacier permafrost river delta sediment steppe tundra fjord moraine albedo ice snow layer water soil forest
election parliament minister president government policy economy market trade energy oil gas pipeline railway harbour
university student teacher school science experiment theory model data method result sample survey census village city`.split(/\s+/)

const RU_HEAD = `и в не на что с как по это он из за но от то все она так его для же вы бы мы уже они да если был ещё
безопасность договор организация миротворческие силы учения министерство иностранных дел республика встреча совет
конференция сотрудничество военный гуманитарный помощь конвой беженцы мандат операция коллективной государства ёлка
делегация генеральный секретарь годовщина интервью координация биологической церемония граница архив история журнал
учёные ледник мерзлота река степь тундра лёд снег вода почва лес выборы парламент министр президент правительство
экономика рынок торговля энергия нефть газ трубопровод железная дорога университет студент учитель школа наука`.split(/\s+/)

const EN_SYLLABLES = 'ka lo mi ran te su vor pel dra nis quo bre ta fen gul hor ix ma ne zo cal ter vin os ur ba de ly'.split(' ')
const RU_SYLLABLES = 'ка ло ми ран те су вор пел дра нис бре та фен гул хор ма не зо кал тер вин ос ур ба де лё жи щу'.split(' ')

/** Words in the long tail of each language. */
export const TAIL_WORDS = 40_000
/** Resolution of the inverse-CDF table: the rarest word still gets a slot or two. */
const TABLE_BITS = 22

function tail(syllables: string[], n: number, seed: number): string[] {
  const out = new Set<string>()
  let s = seed
  while (out.size < n) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    const len = 2 + (s % 3)
    let w = ''
    let t = s
    for (let i = 0; i < len; i++) {
      t = (Math.imul(t ^ (t >>> 13), 0x5bd1e995) + i) >>> 0
      w += syllables[t % syllables.length]
    }
    out.add(w)
  }
  return [...out]
}

export interface Vocabulary {
  words: string[]
  /** Uniform 22-bit number → word index, following Zipf's law (s = 1). */
  table: Uint32Array
}

function build(head: string[], syllables: string[], seed: number): Vocabulary {
  const words = [...new Set([...head, ...tail(syllables, TAIL_WORDS, seed)])]
  const size = 1 << TABLE_BITS
  const weights = words.map((_, r) => 1 / (r + 1))
  const total = weights.reduce((a, b) => a + b, 0)
  const table = new Uint32Array(size)
  let acc = 0
  let at = 0
  for (let r = 0; r < words.length; r++) {
    acc += weights[r] / total
    const end = Math.min(size, Math.round(acc * size))
    // Every word gets at least one slot, so even the rarest appears somewhere.
    const stop = Math.max(end, at + 1)
    for (; at < stop && at < size; at++) table[at] = r
  }
  for (; at < size; at++) table[at] = words.length - 1
  return { words, table }
}

export const ENGLISH = build(EN_HEAD, EN_SYLLABLES, 7)
export const RUSSIAN = build(RU_HEAD, RU_SYLLABLES, 11)

/** xorshift32: fast, deterministic, good enough to pick words. */
export class Random {
  constructor(private s: number) {
    if (this.s === 0) this.s = 1
  }
  next(): number {
    let x = this.s
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    this.s = x >>> 0
    return this.s
  }
  /** A float in [0, 1). */
  float(): number {
    return this.next() / 4294967296
  }
  int(n: number): number {
    return this.next() % n
  }
  word(v: Vocabulary): string {
    return v.words[v.table[this.next() >>> (32 - TABLE_BITS)]]
  }
}

/** A sentence of 6–23 words, capitalised, with a full stop. */
export function sentence(r: Random, v: Vocabulary): string {
  const n = 6 + r.int(18)
  const parts = new Array<string>(n)
  for (let i = 0; i < n; i++) parts[i] = r.word(v)
  const s = parts.join(' ')
  return s[0].toUpperCase() + s.slice(1) + '.'
}

/** Paragraphs of sentences until the text reaches `bytes` characters. */
export function body(r: Random, v: Vocabulary, chars: number): string {
  const paras: string[] = []
  let size = 0
  while (size < chars) {
    const n = 2 + r.int(6)
    const p: string[] = []
    for (let k = 0; k < n; k++) p.push(sentence(r, v))
    const para = p.join(' ')
    paras.push(para)
    size += para.length + 1
  }
  return paras.join('\n')
}
