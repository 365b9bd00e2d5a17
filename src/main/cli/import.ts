import type { GlobalOptions } from './context'
import { emit, openLibrary } from './context'
import { importItems } from '../core/import/pipeline'
import { isWebAddress, itemsFromPaths } from '../core/import/items'
import type { ImportOutcome } from '../../shared/model'
import { importNotesFiles, isSharedNotesFile } from './share'

/** `scholia import PATH… [--tag T]…`: exit 1 when any input failed. */
export async function importCommand(paths: string[], opts: GlobalOptions & { tag?: string[] }): Promise<number> {
  const lib = openLibrary(opts)
  try {
    // Teammates' notes (.jsonld, .json, .scholia) go to the sharing importer; everything else is an article.
    const isNotes = (p: string): boolean => !isWebAddress(p) && isSharedNotesFile(p)
    const notesFailed = await importNotesFiles(lib, paths.filter(isNotes), opts)
    paths = paths.filter((p) => !isNotes(p))
    if (paths.length === 0) return notesFailed > 0 ? 1 : 0
    const items = await itemsFromPaths(paths)
    const ctrl = new AbortController()
    const onSigint = () => ctrl.abort()
    process.once('SIGINT', onSigint)
    let failed = notesFailed
    // Each line is printed as soon as its article is committed (or its file has failed).
    const print = (o: ImportOutcome): void => {
      if ('error' in o) {
        failed++
        if (opts.json) emit(opts, o, '')
        else process.stderr.write(`error: ${o.error}\n`)
      } else {
        emit(opts, o, `${o.status.padEnd(9)} ${o.title}${o.published ? ` (${o.published})` : ''}  ${o.id}`)
      }
    }
    const report = await importItems(lib, items, { tags: opts.tag ?? [], signal: ctrl.signal, onOutcome: print })
    process.off('SIGINT', onSigint)
    if (report.cancelled) process.stderr.write('import cancelled; articles imported so far are kept\n')
    if (!opts.json) process.stderr.write(`${report.outcomes.length - failed + notesFailed} article(s) imported or found, ${failed - notesFailed} failed\n`)
    return failed > 0 || report.cancelled ? 1 : 0
  } finally {
    lib.close()
  }
}
