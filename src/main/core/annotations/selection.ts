import { AnchoringError, describeRange, type Selectors } from '../../../shared/anchoring'
import { ScholiaError } from '../../../shared/errors'

/**
 * The selectors stored for a user's selection `[start, end)` of an article's
 * text: trimmed of surrounding whitespace, with quote and context. Refusals are
 * worded for the person who made the selection.
 */
export function selectorsFor(text: string, start: number, end: number): Selectors {
  try {
    return describeRange(text, start, end)
  } catch (e) {
    if (!(e instanceof AnchoringError)) throw e
    if (e.code === 'out-of-range')
      throw new ScholiaError(
        'invalid_argument',
        `selection leaves the article: [${start}, ${end}) is outside its ${text.length} characters — select text inside the article`
      )
    throw new ScholiaError('invalid_argument', 'selection is empty — select some words')
  }
}
