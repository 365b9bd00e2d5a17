// `\s` covers the spaces users actually drag across: ordinary spaces, tabs,
// line breaks, non-breaking space (U+00A0), the ideographic space (U+3000)
// and the other Unicode space separators.
const WHITESPACE = /\s/

/**
 * Shrink `[start, end)` of `text` so it neither starts nor ends with
 * whitespace. A mouse selection often takes in the space after the last word;
 * the highlight should sit on the words, and the stored quote should not
 * depend on how the surrounding spacing is later reflowed.
 *
 * Offsets must already lie within `text`. A whitespace-only range comes back
 * empty (`start === end`); deciding whether that is an error is the caller's job.
 */
export function trimRange(
  text: string,
  start: number,
  end: number
): { start: number; end: number } {
  while (start < end && WHITESPACE.test(text[start])) start += 1
  while (end > start && WHITESPACE.test(text[end - 1])) end -= 1
  return { start, end }
}
