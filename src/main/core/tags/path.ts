import { ScholiaError } from '../../../shared/errors'

export const MAX_TAG_DEPTH = 10
export const MAX_SEGMENT_LENGTH = 100

/**
 * Checks a hierarchical tag path (`region/kazakhstan`) and returns it unchanged.
 * Spaces around a segment and empty segments are refused rather than silently
 * fixed, so the user sees exactly which tag they get.
 */
export function validateTagPath(path: string): string {
  const segments = path.split('/')
  if (path.length === 0) throw new ScholiaError('invalid_argument', 'empty tag — give a name like "topic" or "region/kazakhstan"')
  if (segments.length > MAX_TAG_DEPTH)
    throw new ScholiaError('invalid_argument', `tag "${path}" is nested deeper than ${MAX_TAG_DEPTH} levels — use fewer "/"`)
  for (const s of segments) {
    if (s.length === 0)
      throw new ScholiaError('invalid_argument', `tag "${path}" has an empty part — remove the extra "/"`)
    if (s !== s.trim())
      throw new ScholiaError('invalid_argument', `tag "${path}" has spaces around a part — remove them`)
    if (s.length > MAX_SEGMENT_LENGTH)
      throw new ScholiaError('invalid_argument', `tag "${path}" has a part longer than ${MAX_SEGMENT_LENGTH} characters`)
    if (/[\u0000-\u001f]/.test(s)) throw new ScholiaError('invalid_argument', `tag "${path}" contains control characters`)
  }
  return path
}
