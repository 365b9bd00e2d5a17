import type { Segment } from '../../../shared/api/search'
import type { TextTerm } from './parse'
import { foldToken, TOKEN_RE, tokensOf } from './tokens'

/** About how long a snippet is, in characters of the stored text. */
export const SNIPPET_CHARS = 220
/** Context kept before the first marked word of a snippet. */
const LEAD_CHARS = 60

/** Latin letters unicode61 strips diacritics from, and ё: tokens without them fold with toLowerCase alone. */
const NEEDS_FULL_FOLD = /[\u00c0-\u024f\u1e00-\u1effёЁ]/

function fold(token: string): string {
  return NEEDS_FULL_FOLD.test(token) ? foldToken(token) : token.toLowerCase()
}

interface Pattern {
  tokens: string[]
  prefix: boolean
}

/** Recognises the query's terms in stored text the way the index did. */
export class TermMatcher {
  private readonly patterns: Pattern[]

  constructor(terms: readonly TextTerm[]) {
    this.patterns = terms.map((t) => ({ tokens: tokensOf(t.text), prefix: t.prefix })).filter((p) => p.tokens.length > 0)
  }

  get empty(): boolean {
    return this.patterns.length === 0
  }

  /** Character ranges of the matched terms in `text`, with which pattern each is, in order. */
  find(text: string, stopAfterChars = Infinity): { start: number; end: number; pattern: number }[] {
    if (this.empty) return []
    const tokens: { start: number; end: number; folded: string }[] = []
    for (const m of text.matchAll(TOKEN_RE)) {
      if (m.index > stopAfterChars) break
      tokens.push({ start: m.index, end: m.index + m[0].length, folded: fold(m[0]) })
    }
    const out: { start: number; end: number; pattern: number }[] = []
    for (let i = 0; i < tokens.length; i++) {
      for (let p = 0; p < this.patterns.length; p++) {
        const { tokens: want, prefix } = this.patterns[p]
        if (i + want.length > tokens.length) continue
        let ok = true
        for (let k = 0; k < want.length && ok; k++) {
          const have = tokens[i + k].folded
          ok = prefix && k === want.length - 1 ? have.startsWith(want[k]) : have === want[k]
        }
        if (ok) {
          out.push({ start: tokens[i].start, end: tokens[i + want.length - 1].end, pattern: p })
          break
        }
      }
    }
    return out
  }
}

/** Cuts text into plain and marked segments over [from, to). */
function segments(text: string, from: number, to: number, marks: { start: number; end: number }[]): Segment[] {
  const out: Segment[] = []
  let at = from
  for (const m of marks) {
    if (m.end <= from || m.start >= to) continue
    if (m.start > at) out.push({ text: text.slice(at, m.start) })
    out.push({ text: text.slice(Math.max(m.start, at), Math.min(m.end, to)), mark: true })
    at = Math.min(m.end, to)
  }
  if (at < to) out.push({ text: text.slice(at, to) })
  return out
}

/** Moves an offset back to a word boundary, so a snippet does not start mid-word. */
function wordStart(text: string, at: number): number {
  if (at <= 0) return 0
  const space = text.lastIndexOf(' ', at)
  return space >= 0 && at - space < 20 ? space + 1 : at
}

/**
 * The part of `text` that best shows why it matched: the window of about
 * SNIPPET_CHARS holding the most different terms, earliest first, with the terms
 * marked. Ellipses show where text was cut. Without matches, the start of text.
 */
export function snippet(text: string, matcher: TermMatcher, maxChars = SNIPPET_CHARS): Segment[] {
  const clean = text.replace(/\s+/g, ' ')
  const hits = matcher.find(clean)
  let best = 0
  let bestScore = -1
  for (let i = 0; i < hits.length; i++) {
    const seen = new Set<number>()
    for (let j = i; j < hits.length && hits[j].end - hits[i].start <= maxChars - LEAD_CHARS; j++) seen.add(hits[j].pattern)
    if (seen.size > bestScore) {
      bestScore = seen.size
      best = i
    }
  }
  const from = hits.length ? wordStart(clean, Math.max(0, hits[best].start - LEAD_CHARS)) : 0
  let to = Math.min(clean.length, from + maxChars)
  if (to < clean.length) {
    const space = clean.lastIndexOf(' ', to)
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
