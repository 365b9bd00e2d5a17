import { z } from 'zod'

/**
 * One API method: the schema its arguments are validated against at runtime, and
 * (as a phantom type) the shape of its result. Results come from our own core, so
 * they are typed, not re-validated.
 */
export interface MethodSpec<A extends z.ZodType, R> {
  args: A
  /** Never set; carries the result type. */
  readonly __result?: R
}

export function method<R>() {
  return <A extends z.ZodType>(args: A): MethodSpec<A, R> => ({ args })
}

/** An event pushed from the core to the UI (IPC event in Electron, stream in browser mode). */
export interface EventSpec<P> {
  readonly __payload?: P
}

export function event<P>(): EventSpec<P> {
  return {}
}

/** Common argument pieces. */
export const Id = z.string().regex(/^[0-9a-f-]{36}$/i, 'must be an id like 1b4e28ba-2fa1-11d2-883f-0016d3cca427')
export const NoArgs = z.object({}).strict()
