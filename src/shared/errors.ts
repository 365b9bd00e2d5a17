/** Error codes every transport (IPC, HTTP bridge, CLI) carries unchanged to the user. */
export type ErrorCode =
  | 'invalid_argument'
  | 'not_found'
  | 'conflict'
  | 'unsupported'
  | 'library_unusable'
  | 'io'
  | 'cancelled'
  | 'unauthorized'
  | 'internal'

/** Serialisable form of an error as it crosses a process boundary. */
export interface ApiErrorShape {
  code: ErrorCode
  message: string
}

/**
 * An error meant for the user: `message` is one line saying what was wrong and what
 * to do. Anything else thrown in the core is a bug and reaches the user as `internal`.
 */
export class ScholiaError extends Error {
  override name = 'ScholiaError'
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message }
  }
}

export function isScholiaError(e: unknown): e is ScholiaError {
  return e instanceof ScholiaError
}
