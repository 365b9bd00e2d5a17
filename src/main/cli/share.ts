import type { ShareSummary } from '../../shared/api/share'
import { isScholiaError } from '../../shared/errors'
import type { Library } from '../core/library'
import { importSharedPath, isSharedNotesFile } from '../core/share/import'
import type { GlobalOptions } from './context'
import { emit } from './context'

export { isSharedNotesFile }

/** One line saying what importing a teammate's file did. */
export function describeSummary(s: ShareSummary): string {
  const parts = [`${s.added} added`, `${s.updated} updated`, `${s.unchanged} unchanged`]
  if (s.deleted) parts.push(`${s.deleted} deleted`)
  if (s.orphaned) parts.push(`${s.orphaned} orphaned`)
  if (s.pending) parts.push(`${s.pending} kept aside (article missing: ${s.missing.slice(0, 3).join('; ')}${s.missing.length > 3 ? '…' : ''})`)
  if (s.attachedFromPending) parts.push(`${s.attachedFromPending} attached from earlier imports`)
  if (s.articlesAdded) parts.push(`${s.articlesAdded} article(s) added`)
  if (s.rejected.length) parts.push(`${s.rejected.length} rejected`)
  return `notes    ${s.file}: ${parts.join(', ')}${s.creators.length ? ` — by ${s.creators.join(', ')}` : ''}`
}

/**
 * Imports teammates' notes files (`scholia import notes.jsonld team.scholia`);
 * returns how many failed. Rejected annotations are printed, one per line.
 */
export async function importNotesFiles(lib: Library, paths: string[], opts: GlobalOptions): Promise<number> {
  let failed = 0
  for (const path of paths) {
    try {
      const s = await importSharedPath(lib, path)
      emit(opts, { kind: 'notes', path, ...s }, describeSummary(s))
      if (!opts.json) for (const r of s.rejected) process.stderr.write(`rejected ${r.id ?? '(no id)'}: ${r.reason}\n`)
    } catch (e) {
      if (!isScholiaError(e)) throw e
      failed++
      if (opts.json) emit(opts, { file: path, error: e.message }, '')
      else process.stderr.write(`error: ${e.message}\n`)
    }
  }
  return failed
}
