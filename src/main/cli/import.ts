import type { GlobalOptions } from './context'
import { emit, openLibrary } from './context'
import { importItems } from '../core/import/pipeline'
import { itemsFromPaths } from '../core/import/items'
import { importNotesFiles, isSharedNotesFile } from './share'

/** `scholia import PATH… [--tag T]…`: exit 1 when any input failed. */
export async function importCommand(paths: string[], opts: GlobalOptions & { tag?: string[] }): Promise<number> {
  const lib = openLibrary(opts)
  try {
    // Teammates' notes (.jsonld, .json, .scholia) go to the sharing importer; everything else is an article.
    const notesFailed = await importNotesFiles(lib, paths.filter(isSharedNotesFile), opts)
    paths = paths.filter((p) => !isSharedNotesFile(p))
    if (paths.length === 0) return notesFailed > 0 ? 1 : 0
    const items = await itemsFromPaths(paths)
    const ctrl = new AbortController()
    const onSigint = () => ctrl.abort()
    process.once('SIGINT', onSigint)
    const report = await importItems(lib, items, { tags: opts.tag ?? [], signal: ctrl.signal })
    process.off('SIGINT', onSigint)
    let failed = notesFailed
    for (const o of report.outcomes) {
      if ('error' in o) {
        failed++
        if (opts.json) emit(opts, o, '')
        else process.stderr.write(`error: ${o.error}\n`)
      } else {
        emit(opts, o, `${o.status.padEnd(9)} ${o.title}${o.published ? ` (${o.published})` : ''}  ${o.id}`)
      }
    }
    if (report.cancelled) process.stderr.write('import cancelled; articles imported so far are kept\n')
    if (!opts.json) process.stderr.write(`${report.outcomes.length - failed + notesFailed} article(s) imported or found, ${failed - notesFailed} failed\n`)
    return failed > 0 || report.cancelled ? 1 : 0
  } finally {
    lib.close()
  }
}
