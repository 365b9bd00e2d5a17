import type { Library } from '../library'
import type { ShareSummary } from '../../../shared/api/share'
import { attachPending, importShared, importSharedPath, type ShareImportOptions } from '../share/import'
import { listPending } from '../share/pending'
import type { Handlers } from './dispatch'

/** Libraries whose article imports already trigger attaching kept-aside annotations. */
const watched = new WeakSet<Library>()

/** After an article import, a teammate's annotations waiting for those articles attach themselves. */
function watchImports(lib: Library): void {
  if (watched.has(lib)) return
  watched.add(lib)
  lib.subscribe((event, payload) => {
    if (event !== 'library.changed' || (payload as { reason: string }).reason !== 'import') return
    try {
      if (attachPending(lib) > 0) lib.emit('library.changed', { reason: 'share-attached' })
    } catch (e) {
      console.error(e)
    }
  })
}

/** Importing a teammate's notes (JSON-LD or bundle), and what is kept aside for want of its article. */
export function shareHandlers(lib: Library): Pick<Handlers, 'share.importContent' | 'share.importPath' | 'share.pending'> {
  watchImports(lib)
  const run = async (jobId: string | undefined, work: (opts: ShareImportOptions) => Promise<ShareSummary>) => {
    const id = jobId ?? 'share'
    const summary = await work({ onProgress: (p) => lib.emit('share.progress', { jobId: id, ...p }) })
    lib.emit('library.changed', { reason: 'share-import' })
    return summary
  }
  return {
    'share.importContent': ({ name, base64, jobId }) =>
      run(jobId, (o) => importShared(lib, { name, bytes: new Uint8Array(Buffer.from(base64, 'base64')) }, o)),
    'share.importPath': ({ path, jobId }) => run(jobId, (o) => importSharedPath(lib, path, o)),
    'share.pending': () => listPending(lib)
  }
}
