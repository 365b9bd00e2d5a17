/** Why a range cannot be described; lets callers word their own message. */
export type AnchoringErrorCode = 'out-of-range' | 'empty-range' | 'whitespace-only'

/**
 * Thrown when asked to describe a range that cannot become an annotation.
 * Anchoring itself never throws for changed text: it returns `null` instead.
 */
export class AnchoringError extends Error {
  readonly code: AnchoringErrorCode

  constructor(code: AnchoringErrorCode, message: string) {
    super(message)
    this.name = 'AnchoringError'
    this.code = code
  }
}
