/**
 * Character boundaries. Offsets are UTF-16 code units, but a user sees
 * characters: an emoji is two code units, "é" may be "e" plus a combining
 * accent, a flag or family emoji is several code points. A range or context
 * string that cuts one of these in half shows a broken glyph, and a lone
 * surrogate does not even survive being stored as UTF-8 (it becomes U+FFFD,
 * so the stored quote would never match the text again).
 */

// One shared segmenter: constructing one costs far more than using it.
let graphemeSegmenter: Intl.Segmenter | undefined

function segmenter(): Intl.Segmenter {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  return graphemeSegmenter
}

// Segmenting a whole book to look at one boundary would be wasteful; a
// grapheme cluster longer than this is pathological ("Zalgo" text), and then
// we merely snap to a boundary inside it, which is still a code point boundary.
const CLUSTER_WINDOW = 32

/** Start offset of the user-perceived character that contains `text[offset]`. */
function clusterStartAt(text: string, offset: number): number {
  const from = Math.max(0, offset - CLUSTER_WINDOW)
  const window = text.slice(from, Math.min(text.length, offset + CLUSTER_WINDOW))
  const cluster = segmenter().segment(window).containing(offset - from)
  return cluster ? from + cluster.index : offset
}

/** End offset of the user-perceived character that contains `text[offset]`. */
function clusterEndAt(text: string, offset: number): number {
  const from = Math.max(0, offset - CLUSTER_WINDOW)
  const window = text.slice(from, Math.min(text.length, offset + CLUSTER_WINDOW))
  const cluster = segmenter().segment(window).containing(offset - from)
  return cluster ? from + cluster.index + cluster.segment.length : offset + 1
}

/**
 * Widen `[start, end)` so that it neither starts nor ends inside a
 * user-perceived character (grapheme cluster).
 */
export function expandToCharacters(
  text: string,
  start: number,
  end: number
): { start: number; end: number } {
  if (start >= end) return { start, end }
  const newStart = start > 0 ? clusterStartAt(text, start) : start
  // The boundary at `end` is fine if the character before it ends there.
  const newEnd = end < text.length ? clusterEndAt(text, end - 1) : end
  return { start: newStart, end: Math.max(newEnd, end) }
}

/** True if `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false
  const before = text.charCodeAt(offset - 1)
  const after = text.charCodeAt(offset)
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff
}
