import type { Segment } from '../../../shared/api/search'
import type { TextTerm } from './parse'
import { foldToken, tokensOf } from './tokens'

/** About how long a snippet is, in characters of the stored text. */
export const SNIPPET_CHARS = 220
/** Context kept before the first marked word of a snippet. */
const LEAD_CHARS = 60

/** Characters that fold to each base letter (Latin with diacritics; ё for е), built once from foldToken. */
const VARIANTS: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>()
  const add = (base: string, ch: string) => m.set(base, [...(m.get(base) ?? []), ch])
  for (const [from, to] of [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff]
  ])
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp)
      const f = foldToken(ch)
      if (f.length === 1 && f !== ch.toLowerCase()) add(f, ch)
    }
  add('е', 'ё')
  return m
})()

/** Escapes regex syntax characters (tokens are letters and digits, so this is only a safety net). */
const escapeRe = (s: string) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')

/**
 * A regex source matching one folded token as unicode61 would: each character as
 * a class of its cases and the accented letters that fold to it. Spelling cases
 * out (rather than the "i" flag) keeps V8's matcher on its fast path.
 */
function tokenSource(token: string): string {
  let out = ''
  for (const ch of token) {
    const all = new Set([ch, ch.toUpperCase(), ...(VARIANTS.get(ch) ?? []).flatMap((v) => [v, v.toUpperCase()])])
    // ("ß".toUpperCase() is "SS": only single characters go in the class.)
    const chars = [...all].filter((c) => [...c].length === 1)
    out += chars.length > 1 ? `[${chars.map(escapeRe).join('')}]` : escapeRe(ch)
  }
  return out
}

const GAP = '[^\\p{L}\\p{N}\\p{M}\\p{Co}]+'
const TOKEN_CHAR = /[\p{L}\p{N}\p{M}\p{Co}]/u

/**
 * Recognises the query's terms in stored text the way the index did: whole
 * tokens (or a token start, for prefix*), case- and diacritic-insensitively,
 * phrase tokens in order. Compiled to one regular expression, so a 20 KB
 * article is scanned natively instead of token by token.
 */
export class TermMatcher {
  private readonly re: RegExp | null
  private readonly count: number
  private readonly prefix: boolean[]

  constructor(terms: readonly TextTerm[]) {
    const alternatives = terms
      .map((t) => ({ tokens: tokensOf(t.text), prefix: t.prefix }))
      .filter((p) => p.tokens.length > 0)
      .map((p) => `(${p.tokens.map(tokenSource).join(GAP)})`)
    this.re = alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : null
    this.prefix = terms.filter((t) => tokensOf(t.text).length > 0).map((t) => t.prefix)
    this.count = alternatives.length
  }

  get empty(): boolean {
    return this.re === null
  }

  /** How many different terms there are to find. */
  get terms(): number {
    return this.count
  }

  /** Character ranges of the matched terms in `text`, with which term each is, in order. */
  find(text: string): { start: number; end: number; pattern: number }[] {
    if (!this.re) return []
    const out: { start: number; end: number; pattern: number }[] = []
    for (const m of text.matchAll(this.re)) {
      const pattern = m.slice(1).findIndex((g) => g !== undefined)
      const start = m.index
      let end = start + m[0].length
      // Whole tokens only, as the index matches: not inside a longer word…
      if (start > 0 && TOKEN_CHAR.test(text[start - 1])) continue
      if (end < text.length && TOKEN_CHAR.test(text[end])) {
        // …except a prefix*, which covers the rest of its word.
        if (!this.prefix[pattern]) continue
        while (end < text.length && TOKEN_CHAR.test(text[end])) end++
      }
      out.push({ start, end, pattern })
    }
    return out
  }
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ')

/** Cuts text into plain and marked segments over [from, to). */
function segments(text: string, from: number, to: number, marks: { start: number; end: number }[]): Segment[] {
  const out: Segment[] = []
  let at = from
  for (const m of marks) {
    if (m.end <= from || m.start >= to) continue
    if (m.start > at) out.push({ text: oneLine(text.slice(at, m.start)) })
    out.push({ text: oneLine(text.slice(Math.max(m.start, at), Math.min(m.end, to))), mark: true })
    at = Math.min(m.end, to)
  }
  if (at < to) out.push({ text: oneLine(text.slice(at, to)) })
  return out
}

/** Moves an offset back to a word boundary, so a snippet does not start mid-word. */
function wordStart(text: string, at: number): number {
  if (at <= 0) return 0
  const space = Math.max(text.lastIndexOf(' ', at), text.lastIndexOf('\n', at))
  return space >= 0 && at - space < 20 ? space + 1 : at
}

/**
 * The part of `text` that best shows why it matched: the window of about
 * SNIPPET_CHARS holding the most different terms, earliest first, with the terms
 * marked. Ellipses show where text was cut. Without matches, the start of text.
 */
export function snippet(text: string, matcher: TermMatcher, maxChars = SNIPPET_CHARS): Segment[] {
  // Whitespace is collapsed in the returned pieces only: normalising a whole 20 KB text costs more than the search.
  const clean = text
  const hits = matcher.find(clean)
  let best = 0
  let bestScore = -1
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>()
    for (let j = i; j < hits.length && hits[j].end - hits[i].start <= maxChars - LEAD_CHARS; j++) seen.add(hits[j].pattern)
    if (seen.size > bestScore) {
      bestScore = seen.size
      best = i
      if (bestScore === matcher.terms) break
    }
  }
  const from = hits.length ? wordStart(clean, Math.max(0, hits[best].start - LEAD_CHARS)) : 0
  let to = Math.min(clean.length, from + maxChars)
  if (to < clean.length) {
    const space = Math.max(clean.lastIndexOf(' ', to), clean.lastIndexOf('\n', to))
    if (space > from + maxChars / 2) to = space
  }
  const out = segments(clean, from, to, hits)
  if (from > 0) out.unshift({ text: '…' })
  if (to < clean.length) out.push({ text: '…' })
  return out
}

/** A snippet as one line of text with the marked terms in [brackets] (CLI, logs). */
export function snippetText(segs: readonly Segment[]): string {
  return segs.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('')
}
