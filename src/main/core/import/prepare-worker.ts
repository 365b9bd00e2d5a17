/** Worker thread body: prepares files sent by the pool, one message each. */
import { parentPort } from 'node:worker_threads'
import { ScholiaError } from '../../../shared/errors'
import { prepareFile } from './prepare'
import { ImportError } from './types'

export interface PrepareRequest {
  id: number
  bytes: Uint8Array
  name: string
  source: string | null
}

export type PrepareResponse =
  | { id: number; ok: true; docs: Awaited<ReturnType<typeof prepareFile>> }
  | { id: number; ok: false; message: string; expected: boolean }

parentPort!.on('message', async (req: PrepareRequest) => {
  let res: PrepareResponse
  try {
    res = { id: req.id, ok: true, docs: await prepareFile(req.bytes, req.name, req.source) }
  } catch (e) {
    const expected = e instanceof ImportError || e instanceof ScholiaError
    res = { id: req.id, ok: false, message: (e as Error)?.message ?? String(e), expected }
  }
  parentPort!.postMessage(res)
})
