import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { GlobalOptions } from './context'
import { emit } from './context'
import { resolveLibraryPath } from '../core/paths'
import { restoreLibrary } from '../core/maintenance/restore'

/**
 * `scholia restore BACKUP`: does not open the library through the normal path,
 * since the usual reason to restore is a library that no longer opens.
 */
export function restoreCommand(backup: string, opts: GlobalOptions): number {
  const explicit = opts.db ?? process.env.SCHOLIA_DB
  const target = resolveLibraryPath(opts.db)
  // Restoring onto a new machine: the app's default folder may not exist yet.
  if (!explicit) mkdirSync(dirname(target), { recursive: true })
  const r = restoreLibrary(backup, target)
  emit(
    opts,
    r,
    `restored ${r.restored} from ${backup} (${r.articles} article(s), schema v${r.schemaVersion})` +
      (r.movedAside ? `\nthe previous library was kept as ${r.movedAside}` : '')
  )
  return 0
}
