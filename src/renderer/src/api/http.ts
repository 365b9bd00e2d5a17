import type { Args, EventName, EventPayload, Envelope, MethodName, Result, Transport } from '@shared/api'
import { BYTES_CONTENT_TYPE } from '@shared/api/reading'

const TOKEN_KEY = 'scholia.token'
const RECONNECT_MS = 2_000

/**
 * Reads the browser-mode token from the URL fragment once, keeps it for this tab
 * (so a reload works) and removes it from the address bar.
 */
export function takeToken(): string | null {
  const m = /(?:^|[#&])token=([A-Za-z0-9_-]+)/.exec(location.hash)
  if (m) {
    sessionStorage.setItem(TOKEN_KEY, m[1])
    history.replaceState(null, '', location.pathname + location.search)
    return m[1]
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

/** The API over the browser-mode HTTP bridge. */
export function httpTransport(token: string): Transport {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
  return {
    async call<M extends MethodName>(method: M, args: Args<M>): Promise<Envelope<Result<M>>> {
      let res: Response
      try {
        res = await fetch(`/api/${method}`, { method: 'POST', headers, body: JSON.stringify(args ?? {}) })
      } catch {
        return { ok: false, error: { code: 'io', message: 'cannot reach Scholia — is `scholia serve` still running?' } }
      }
      try {
        // A byte result (an article's content) comes as it is, not as JSON.
        if (res.ok && res.headers.get('Content-Type') === BYTES_CONTENT_TYPE)
          return { ok: true, result: new Uint8Array(await res.arrayBuffer()) as Result<M> }
        return (await res.json()) as Envelope<Result<M>>
      } catch {
        return { ok: false, error: { code: 'internal', message: `unexpected answer from the server (HTTP ${res.status})` } }
      }
    },
    subscribe(listener) {
      const ctrl = new AbortController()
      const loop = async () => {
        while (!ctrl.signal.aborted) {
          try {
            const res = await fetch('/api/events', { headers: { Authorization: headers.Authorization }, signal: ctrl.signal })
            const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader()
            let buffer = ''
            for (;;) {
              const { value, done } = await reader.read()
              if (done) break
              buffer += value
              let cut: number
              while ((cut = buffer.indexOf('\n\n')) >= 0) {
                const frame = buffer.slice(0, cut)
                buffer = buffer.slice(cut + 2)
                if (!frame.startsWith('data: ')) continue
                const { event, payload } = JSON.parse(frame.slice(6)) as { event: EventName; payload: EventPayload<EventName> }
                listener(event, payload)
              }
            }
          } catch {
            /* reconnect below */
          }
          if (!ctrl.signal.aborted) await new Promise((r) => setTimeout(r, RECONNECT_MS))
        }
      }
      void loop()
      return () => ctrl.abort()
    }
  }
}
