/**
 * Splits a digest — one text holding several dated items, as when a news section page
 * is saved as text — into one article per item. Items start at datelines: a line that
 * is only a date, or a headline ending in a date (see text-units.ts). Two layouts are
 * recognised: date-then-text, and headline-then-date, where the line before each date
 * is the item's headline. A text with fewer than two dated items is one article.
 */
import type { ParsedDoc } from './types'
import { buildArticle } from './article'
import { isHeadlineLike } from './text-lines'
import { toUnits, type Unit } from './text-units'

/** Fewer datelines than this and the text is a single article that happens to have a date. */
const MIN_DIGEST_ITEMS = 2
// Share of datelines that must follow a headline-like line before we read every
// dateline as "headline, then date". A page title above the first date alone is not enough.
const HEADLINE_FIRST_SHARE = 0.75

/** Options for splitting. */
export interface SplitOptions {
  /** Title to use when an article has neither a headline nor any sentence (e.g. file name). */
  fallbackTitle: string
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim()
const singleLine = (u: Unit | undefined): string | null =>
  u?.kind === 'text' && u.lines.length === 1 ? u.lines[0] : null

/** True when the digest writes each headline on the line before its date. */
function headlineFirst(units: Unit[], markers: number[]): boolean {
  const isPlain = (m: number): boolean => !(units[m].kind === 'date' && units[m].headline)
  let plain = 0
  let votes = 0
  markers.forEach((m, k) => {
    if (!isPlain(m)) return
    plain++
    const line = singleLine(units[m - 1])
    // The previous item must keep a body of its own after its date.
    const free = k === 0 || m - 1 > markers[k - 1] + 1
    if (free && line !== null && isHeadlineLike(line)) votes++
  })
  const firstPlain = markers.find(isPlain)
  // A date on the very first line leaves no room for a headline above it.
  return plain > 0 && firstPlain !== 0 && votes >= HEADLINE_FIRST_SHARE * plain
}

/** Where each item starts: at its dateline, or at the headline (or headline copy) just before it. */
function itemStarts(units: Unit[], markers: number[]): number[] {
  const hf = headlineFirst(units, markers)
  return markers.map((m, k) => {
    const u = units[m]
    const floor = k === 0 ? 0 : markers[k - 1] + 2
    if (m - 1 < floor || u.kind !== 'date') return m
    const line = singleLine(units[m - 1])
    if (line === null) return m
    // "Headline" then "Headline 30.05.2022": the first copy belongs to this item.
    if (u.headline && u.before !== null) return norm(line) === norm(u.before) ? m - 1 : m
    return hf && isHeadlineLike(line) ? m - 1 : m
  })
}

interface Item {
  units: Unit[]
  /** The headline line written before the dateline, if the item starts with one. */
  headline?: Unit
}

/** An item needs some text besides its headline and dateline to stand as an article. */
const hasBody = (item: Item): boolean => item.units.some((u) => u.kind === 'text' && u !== item.headline)

/**
 * Splits text (already decoded, \n line endings) into articles: one per dated item for
 * a digest, otherwise exactly one. Never throws on any string input.
 */
export function splitDigest(text: string, opts: SplitOptions): ParsedDoc[] {
  const units = toUnits(text)
  const markers = units.flatMap((u, i) => (u.kind === 'date' ? [i] : []))
  if (markers.length < MIN_DIGEST_ITEMS) return [buildArticle(units, opts.fallbackTitle)]
  const starts = itemStarts(units, markers)
  const items: Item[] = starts.map((s, k) => ({
    units: units.slice(s, starts[k + 1] ?? units.length),
    headline: s < markers[k] ? units[s] : undefined
  }))
  // An item with nothing but a headline and a date (a list of links, or a second date
  // line such as "Updated: …") joins a neighbour instead of standing alone.
  const merged: Item[] = []
  for (const item of items) {
    const last = merged[merged.length - 1]
    if (last && (!hasBody(item) || !hasBody(last))) last.units.push(...item.units)
    else merged.push(item)
  }
  if (merged.length < MIN_DIGEST_ITEMS) return [buildArticle(units, opts.fallbackTitle)]
  // Text above the first item (a page title) is kept, ahead of the first item's body.
  const preamble = units.slice(0, starts[0])
  return merged.map((item, k) => buildArticle(item.units, opts.fallbackTitle, k === 0 ? preamble : []))
}
