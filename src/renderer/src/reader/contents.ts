import type { Heading } from './block-source'

/**
 * Index of the heading whose section holds `offset` (the last one starting at or
 * before it, a character of slack so a heading scrolled exactly to the top counts),
 * or -1 before the first: the current entry of the table of contents.
 */
export function headingAt(headings: readonly Heading[], offset: number): number {
  let lo = 0
  let hi = headings.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1
    if (headings[mid].start <= offset + 1) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}
