import { stat } from 'node:fs/promises'
import { extname, join, resolve } from 'node:path'
import type { ExportFormat } from '../../../shared/api/export'

/** File extension of each single-file format (Markdown writes a folder, or a zip when downloaded). */
export const EXTENSION: Record<ExportFormat, string> = { md: 'md', jsonld: 'jsonld', csv: 'csv', html: 'html', bundle: 'scholia' }

export const MIME: Record<ExportFormat | 'zip', string> = {
  md: 'text/markdown; charset=utf-8',
  jsonld: 'application/ld+json',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  bundle: 'application/zip',
  zip: 'application/zip'
}

/** "Scholia notes 2024-03-16.csv": the name of an export when only a folder was given. */
export function defaultFileName(format: ExportFormat | 'zip', now: string): string {
  return `Scholia notes ${now.slice(0, 10)}.${format === 'zip' ? 'zip' : EXTENSION[format]}`
}

/**
 * The file a single-file export writes: a dated name inside `out` when it is
 * an existing folder, else `out` itself — with the format's extension added
 * when it has none ("notes" → "notes.csv"), so the file opens in the right app.
 */
export async function fileTarget(out: string, format: ExportFormat, now: string): Promise<string> {
  const path = resolve(out)
  const info = await stat(path).catch(() => null)
  if (info?.isDirectory()) return join(path, defaultFileName(format, now))
  return extname(path) ? path : `${path}.${EXTENSION[format]}`
}
