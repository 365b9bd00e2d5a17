import { expandToCharacters, splitsSurrogatePair } from './boundaries'
import { AnchoringError } from './errors'
import { trimRange } from './trim-range'
import type { Selectors } from './types'

/**
 * How much text either side of a quote is kept. 32 characters is a few words:
 * enough to tell apart repeats of a short phrase, short enough that an edit
 * nearby rarely spoils all of it.
 */
export const DEFAULT_CONTEXT_LENGTH = 32

/**
 * Build the selectors stored for an annotation on `text[start, end)`.
 *
 * The range is first trimmed of surrounding whitespace and widened so that it
 * does not cut a character (emoji, accented letter) in half; the returned
 * position selector gives the range actually described.
 *
 * @param contextLength - code units of prefix and suffix to keep.
 * @throws AnchoringError if the offsets are not within `text` (`out-of-range`),
 *         the range is empty (`empty-range`) or holds only whitespace
 *         (`whitespace-only`).
 */
export function describeRange(
  text: string,
  start: number,
  end: number,
  contextLength = DEFAULT_CONTEXT_LENGTH
): Selectors {
  if (!Number.isInteger(contextLength) || contextLength < 0) {
    throw new RangeError(`contextLength must be a non-negative integer, got ${contextLength}`)
  }
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    end > text.length ||
    start > end
  ) {
    throw new AnchoringError(
      'out-of-range',
      `Cannot describe range [${start}, ${end}): it must lie within the text (0 to ${text.length}) and start <= end`
    )
  }
  if (start === end) {
    throw new AnchoringError('empty-range', `Cannot annotate an empty range at offset ${start}`)
  }
  const trimmed = trimRange(text, start, end)
  if (trimmed.start === trimmed.end) {
    throw new AnchoringError(
      'whitespace-only',
      `Cannot annotate range [${start}, ${end}): it contains only whitespace`
    )
  }
  const range = expandToCharacters(text, trimmed.start, trimmed.end)

  // Context may cut a grapheme (it is only compared, never shown), but not a
  // surrogate pair, which would not survive storage as UTF-8.
  let prefixStart = Math.max(0, range.start - contextLength)
  if (splitsSurrogatePair(text, prefixStart)) prefixStart += 1
  let suffixEnd = Math.min(text.length, range.end + contextLength)
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd -= 1

  return {
    position: { type: 'TextPositionSelector', start: range.start, end: range.end },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(range.start, range.end),
      prefix: text.slice(prefixStart, range.start),
      suffix: text.slice(range.end, suffixEnd)
    }
  }
}
