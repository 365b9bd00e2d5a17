import type { IncomingMessage } from 'node:http'
import { MAX_IMPORT_BYTES } from '../../shared/api/imports'

/**
 * Calls that carry file contents get room for a base64 file; every other call gets
 * 8 MB: room for the longest note the contract allows (1M characters, up to 3
 * UTF-8 bytes each, plus JSON escaping), so the user sees the note-length message
 * rather than a bare "too large".
 */
export const MAX_BODY_BYTES = 8 * 1024 * 1024
export const MAX_UPLOAD_BODY_BYTES = Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 64 * 1024

export class BodyTooLarge extends Error {}

export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new BodyTooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) throw new BodyTooLarge()
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  return text.length === 0 ? {} : JSON.parse(text)
}
