import type { z } from 'zod'
import { contract, isMethodName, type Envelope, type MethodName, type ParsedArgs, type Result } from '../../../shared/api'
import { ScholiaError } from '../../../shared/errors'

/** Who is calling; transports fill what they know. */
export interface CallContext {
  transport: 'ipc' | 'http' | 'cli' | 'test'
}

export type Handlers = {
  [M in MethodName]: (args: ParsedArgs<M>, ctx: CallContext) => Result<M> | Promise<Result<M>>
}

/** The first validation issue as one line: which argument, what is wrong. */
export function describeIssue(method: string, error: z.ZodError): string {
  const issue = error.issues[0]
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'arguments'
  return `${method}: invalid ${where} — ${issue?.message ?? 'invalid value'}`
}

/**
 * Validates and runs one call. Never throws: bad input becomes an
 * `invalid_argument` error, a ScholiaError keeps its code, anything else is
 * reported as `internal` (and logged, since it is a bug).
 */
export async function dispatch(
  handlers: Handlers,
  method: unknown,
  rawArgs: unknown,
  ctx: CallContext,
  log: (e: unknown) => void = (e) => console.error(e)
): Promise<Envelope<unknown>> {
  if (!isMethodName(method))
    return { ok: false, error: { code: 'invalid_argument', message: `unknown method ${String(method).slice(0, 100)}` } }
  const parsed = contract[method].args.safeParse(rawArgs ?? {})
  if (!parsed.success) return { ok: false, error: { code: 'invalid_argument', message: describeIssue(method, parsed.error) } }
  try {
    const handler = handlers[method] as (a: unknown, c: CallContext) => unknown
    const result = await handler(parsed.data, ctx)
    return { ok: true, result: result ?? null }
  } catch (e) {
    if (e instanceof ScholiaError) return { ok: false, error: e.toJSON() }
    log(e)
    return { ok: false, error: { code: 'internal', message: `${method} failed unexpectedly: ${(e as Error)?.message ?? e}` } }
  }
}
