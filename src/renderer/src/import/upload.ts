/**
 * Browser-mode uploads: files are sent to the core as base64 in batches small enough
 * for one request each, and files over the import limit are refused here, before a
 * byte is read — with the message the core would give.
 */
import { MAX_IMPORT_BYTES } from '@shared/api/imports'

/** Files per request; the contract allows 1000. */
const BATCH_FILES = 200
/** Bytes per request before base64; one file up to MAX_IMPORT_BYTES always fits alone. */
const BATCH_BYTES = 32 * 1024 * 1024
const MB = 1024 * 1024

export interface Upload {
  name: string
  base64: string
}

/** Splits files into request-sized batches, keeping their order. */
export function batches(files: File[]): File[][] {
  const out: File[][] = []
  let cur: File[] = []
  let size = 0
  for (const f of files) {
    if (cur.length > 0 && (cur.length >= BATCH_FILES || size + f.size > BATCH_BYTES)) {
      out.push(cur)
      cur = []
      size = 0
    }
    cur.push(f)
    size += f.size
  }
  if (cur.length > 0) out.push(cur)
  return out
}

/** The one-line refusal for a file over the limit, or null. */
export function tooBig(f: File): string | null {
  if (f.size <= MAX_IMPORT_BYTES) return null
  return `${f.name}: file is ${Math.round(f.size / MB)} MB, over the ${MAX_IMPORT_BYTES / MB} MB import limit — split it into smaller files`
}

export function toUpload(file: File): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve({ name: file.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') })
    reader.onerror = () => reject(new Error(`${file.name}: cannot read the file — check that it still exists`))
    reader.readAsDataURL(file)
  })
}
