/** A half-open range `[start, end)` of the article's plain text. */
export interface Span {
  start: number
  end: number
}

/**
 * The parts of the text covered by two or more of `spans`, merged and in order.
 * Same-colour highlights on the same words would otherwise paint as one; the
 * reader marks these parts so every overlap stays visible.
 */
export function overlaps(spans: readonly Span[]): Span[] {
  const events: Array<[number, number]> = []
  for (const s of spans) {
    if (s.end <= s.start) continue
    events.push([s.start, 1], [s.end, -1])
  }
  // Ends before starts at the same offset: touching spans do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: Span[] = []
  let depth = 0
  let openedAt = -1
  for (const [at, delta] of events) {
    const before = depth
    depth += delta
    if (before < 2 && depth >= 2) openedAt = at
    else if (before >= 2 && depth < 2 && at > openedAt) {
      const last = out[out.length - 1]
      if (last && last.end === openedAt) last.end = at
      else out.push({ start: openedAt, end: at })
    }
  }
  return out
}

/** Whether two span lists paint the same ranges, in the same order. */
export function sameSpans(a: readonly Span[], b: readonly Span[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i].start !== b[i].start || a[i].end !== b[i].end) return false
  return true
}
