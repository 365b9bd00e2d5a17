/** Worker thread body: prepares files sent by the pool, answering a few files per message. */
import { parentPort } from 'node:worker_threads'
import { ScholiaError } from '../../../shared/errors'
import { packArticle } from './packed'
import { prepareFile, type WaitingDoc } from './prepared-article'
import type { ParseHints } from './parsers'
import { readImportFileSync } from './read-file'
import { lowerThreadPriority } from './thread-priority'
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

const failure = (id: number, e: unknown): PrepareResponse => {
  const expected = e instanceof ImportError || e instanceof ScholiaError
  return { id, ok: false, message: (e as Error)?.message ?? String(e), expected }
}

async function prepare(req: PrepareRequest, bytes: Uint8Array, transfer: ArrayBuffer[]): Promise<PrepareResponse> {
  try {
    const docs = await prepareFile(bytes, req.name, req.source, req.hints)
    // Bodies go as transferred bytes (see packed.ts), so they stay off the writer's heap until written.
    return { id: req.id, ok: true, docs: docs.map((d) => ({ ...d, article: packArticle(d.article, transfer) })) }
  } catch (e) {
    return failure(req.id, e)
  }
}

/**
 * Answers sent in one message at most. A message per file woke the writer thread once
 * per file (and on a busy machine the wake-up often cost this thread its core); a few
 * files per message keep the writer supplied as well, since it reads far ahead.
 */
const ANSWERS_PER_MESSAGE = 8
/** Answers held back are sent before a file this big is parsed, so a book or a PDF never keeps them waiting. */
const SEND_BEFORE_BYTES = 256 * 1024

lowerThreadPriority()

// A message holds several requests; answers go back a few at a time as they are ready,
// and whatever is ready when a message's requests are done goes at once, so the writer
// can store the first files while this worker parses the next.
parentPort!.on('message', async (batch: PrepareRequest[]) => {
  let answers: PrepareResponse[] = []
  let transfer: ArrayBuffer[] = []
  const send = (): void => {
    parentPort!.postMessage(answers, transfer)
    answers = []
    transfer = []
  }
  for (const req of batch) {
    let bytes: Uint8Array
    try {
      bytes = req.bytes ?? readImportFileSync(req.path!)
    } catch (e) {
      answers.push(failure(req.id, e))
      continue
    }
    if (bytes.length > SEND_BEFORE_BYTES && answers.length > 0) send()
    answers.push(await prepare(req, bytes, transfer))
    if (answers.length >= ANSWERS_PER_MESSAGE) send()
  }
  if (answers.length > 0) send()
})
