/**
 * The one API contract between the UI and the core. IPC handlers, the preload
 * bridge, the HTTP bridge and the renderer client are all derived from these maps;
 * add a method here (in its domain file) and every transport carries it.
 */
import type { z } from 'zod'
import type { ApiErrorShape } from './errors'
import type { EventSpec, MethodSpec } from './api/define'
import { appEvents, appMethods } from './api/app'
import { annotationMethods } from './api/annotations'
import { articleMethods } from './api/articles'
import { exportEvents, exportMethods } from './api/export'
import { importEvents, importMethods } from './api/imports'
import { libraryMethods } from './api/library'
import { readingMethods } from './api/reading'
import { searchMethods } from './api/search'
import { shareEvents, shareMethods } from './api/share'
import { tagMethods } from './api/tags'

export const contract = {
  ...appMethods,
  ...articleMethods,
  ...readingMethods,
  ...annotationMethods,
  ...importMethods,
  ...libraryMethods,
  ...tagMethods,
  ...searchMethods,
  ...exportMethods,
  ...shareMethods
}

export const events = {
  ...appEvents,
  ...importEvents,
  ...exportEvents,
  ...shareEvents
}

export type Contract = typeof contract
export type MethodName = keyof Contract
export type EventName = keyof typeof events

type SpecOf<M extends MethodName> = Contract[M]
/** Arguments as the caller writes them (defaults optional). */
export type Args<M extends MethodName> = SpecOf<M> extends MethodSpec<infer A, unknown> ? z.input<A> : never
/** Arguments as the handler receives them (validated, defaults filled). */
export type ParsedArgs<M extends MethodName> = SpecOf<M> extends MethodSpec<infer A, unknown> ? z.output<A> : never
export type Result<M extends MethodName> = SpecOf<M> extends MethodSpec<z.ZodType, infer R> ? R : never
export type EventPayload<E extends EventName> = (typeof events)[E] extends EventSpec<infer P> ? P : never

export type Envelope<R> = { ok: true; result: R } | { ok: false; error: ApiErrorShape }

export const methodNames = Object.keys(contract) as MethodName[]
export const eventNames = Object.keys(events) as EventName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name)
}

/** Electron IPC channel of a method: derived, never typed by hand. */
export const ipcChannel = (m: MethodName): string => `scholia:${m}`
export const IPC_EVENT_CHANNEL = 'scholia:event'

/** What window.scholia (preload) and the HTTP client both provide. */
export interface Transport {
  call<M extends MethodName>(method: M, args: Args<M>): Promise<Envelope<Result<M>>>
  subscribe(listener: <E extends EventName>(event: E, payload: EventPayload<E>) => void): () => void
}
