/** Worker thread body: prepares files sent by the pool, answering one message per file. */
import { parentPort } from 'node:worker_threads'
import { ScholiaError } from '../../../shared/errors'
import { packArticle } from './packed'
import { prepareFile, type WaitingDoc } from './prepare'
import type { ParseHints } from './parsers'
import { readImportFileSync } from './read-file'
import { ImportError } from './types'

/** A file to prepare: its bytes, or its path for the worker to read (keeping the writer thread free). */
export interface PrepareRequest {
  id: number
  bytes?: Uint8Array
  path?: string
  name: string
  source: string | null
  hints?: ParseHints
}

export type PrepareResponse =
  | { id: number; ok: true; docs: WaitingDoc[] }
  | { id: number; ok: false; message: string; expected: boolean }

async function prepare(req: PrepareRequest, transfer: ArrayBuffer[]): Promise<PrepareResponse> {
  try {
    const bytes = req.bytes ?? readImportFileSync(req.path!)
    const docs = await prepareFile(bytes, req.name, req.source, req.hints)
    // Bodies go as transferred bytes (see packed.ts), so they stay off the writer's heap until written.
    return { id: req.id, ok: true, docs: docs.map((d) => ({ ...d, article: packArticle(d.article, transfer) })) }
  } catch (e) {
    const expected = e instanceof ImportError || e instanceof ScholiaError
    return { id: req.id, ok: false, message: (e as Error)?.message ?? String(e), expected }
  }
}

// A message holds several requests; each answer goes back as soon as it is ready,
// so the writer can store the first file while the worker parses the next.
parentPort!.on('message', async (batch: PrepareRequest[]) => {
  for (const req of batch) {
    const transfer: ArrayBuffer[] = []
    const res = await prepare(req, transfer)
    parentPort!.postMessage(res, transfer)
  }
})
