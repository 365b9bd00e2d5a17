import type { Library } from '../library'
import type { ShareSummary } from '../../../shared/api/share'
import { importShared, importSharedPath, type ShareImportOptions } from '../share/import'
import { listPending } from '../share/pending'
import type { Handlers } from './dispatch'

/** Importing a teammate's notes (JSON-LD or bundle), and what is kept aside for want of its article. */
export function shareHandlers(lib: Library): Pick<Handlers, 'share.importContent' | 'share.importPath' | 'share.pending'> {
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
