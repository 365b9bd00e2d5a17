import type { Args, EventName, EventPayload, MethodName, Result, Transport } from '@shared/api'
import type { ApiErrorShape } from '@shared/errors'
import { httpTransport, takeToken } from './http'

/** An API failure as the UI shows it. */
export class ApiError extends Error {
  constructor(readonly error: ApiErrorShape) {
    super(error.message)
  }
}

function pickTransport(): Transport | null {
  if (window.scholia) return window.scholia
  const token = takeToken()
  return token ? httpTransport(token) : null
}

const transport = pickTransport()

export const isConnected = transport !== null

/** Calls one API method; rejects with ApiError carrying the core's one-line message. */
export async function api<M extends MethodName>(method: M, args: Args<M>): Promise<Result<M>> {
  if (!transport)
    throw new ApiError({ code: 'unauthorized', message: 'no connection to the library — open the URL printed by `scholia serve`' })
  const env = await transport.call(method, args)
  if (!env.ok) throw new ApiError(env.error)
  return env.result
}

type Handler<E extends EventName> = (payload: EventPayload<E>) => void
const handlers = new Map<EventName, Set<Handler<never>>>()

transport?.subscribe((event, payload) => {
  for (const h of handlers.get(event) ?? []) (h as Handler<typeof event>)(payload)
})

/** Listens to a core event; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, handler: Handler<E>): () => void {
  let set = handlers.get(event)
  if (!set) handlers.set(event, (set = new Set()))
  set.add(handler as Handler<never>)
  return () => set.delete(handler as Handler<never>)
}
