import type { Annotation } from '@shared/model'

/** Order of the side panel and of painting: by start, then end, then creation. */
export function byReadingOrder(a: Annotation, b: Annotation): number {
  return a.start - b.start || a.end - b.end || a.createdAt.localeCompare(b.createdAt)
}

/** First index whose annotation does not sort before `a` (binary search: books hold thousands). */
function lowerBound(list: readonly Annotation[], a: Annotation): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (byReadingOrder(list[mid], a) < 0) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A copy of `list` (in reading order) with `a` inserted in its place and, if
 * given, the object `replaced` taken out — found by binary search, not by a scan
 * of every highlight, so a new highlight among 10,000 costs a copy of the array
 * and no per-item callback. Null when `replaced` is not in the list (the caller
 * then falls back to the general path).
 */
export function withInserted(list: readonly Annotation[], a: Annotation, replaced?: Annotation): Annotation[] | null {
  const out = list.slice()
  if (replaced) {
    let i = lowerBound(out, replaced)
    while (i < out.length && out[i] !== replaced && byReadingOrder(out[i], replaced) === 0) i++
    if (out[i] !== replaced) return null
    out.splice(i, 1)
  }
  let at = lowerBound(out, a)
  // After the ones that sort equal, as the general path does.
  while (at < out.length && byReadingOrder(out[at], a) === 0) at++
  out.splice(at, 0, a)
  return out
}
