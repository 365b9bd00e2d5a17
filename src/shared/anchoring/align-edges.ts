// How much of the stored context must reappear verbatim to pin an edge. Long
// enough not to turn up by chance within a few words of the match; short
// enough to survive an edit elsewhere in the context.
const EDGE_CONTEXT_LENGTH = 12

/**
 * Move the edges of a fuzzy match to where the stored context now begins and
 * ends, if that is within `maxShift` of them.
 *
 * Edit distance puts a match's edges wherever the fewest errors fall, so
 * words inserted at the start of a highlighted passage ("According to" →
 * "According to a statement by") are cut off, or the first words of the
 * passage dropped, when a shorter alignment exists. The unchanged text
 * either side is a better guide: the highlight is what lies between it.
 */
export function alignEdgesToContext(
  text: string,
  range: { start: number; end: number },
  context: { prefix?: string; suffix?: string },
  maxShift: number
): { start: number; end: number } {
  let { start, end } = range

  const tail = (context.prefix ?? '').slice(-EDGE_CONTEXT_LENGTH)
  if (tail.length === EDGE_CONTEXT_LENGTH) {
    const from = Math.max(0, start - maxShift - tail.length)
    const ends = occurrences(text.slice(from, start + maxShift), tail).map((at) => from + at + tail.length)
    const nearest = closest(ends, start)
    if (nearest !== undefined && nearest < end) start = nearest
  }

  const head = (context.suffix ?? '').slice(0, EDGE_CONTEXT_LENGTH)
  if (head.length === EDGE_CONTEXT_LENGTH) {
    const from = Math.max(start, end - maxShift)
    const starts = occurrences(text.slice(from, end + maxShift + head.length), head).map((at) => from + at)
    const nearest = closest(starts, end)
    if (nearest !== undefined && nearest > start) end = nearest
  }
  return { start, end }
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = []
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at)
  return found
}

function closest(offsets: number[], target: number): number | undefined {
  let best: number | undefined
  for (const offset of offsets) {
    if (best === undefined || Math.abs(offset - target) < Math.abs(best - target)) best = offset
  }
  return best
}
