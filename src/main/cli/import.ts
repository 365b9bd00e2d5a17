import type { GlobalOptions } from './context'
import { emit, openLibrary } from './context'
import { importItems } from '../core/import/pipeline'
import { itemsFromPaths } from '../core/import/items'

/** `scholia import PATH… [--tag T]…`: exit 1 when any input failed. */
export async function importCommand(paths: string[], opts: GlobalOptions & { tag?: string[] }): Promise<number> {
  const lib = openLibrary(opts)
  try {
    const items = await itemsFromPaths(paths)
    const ctrl = new AbortController()
    const onSigint = () => ctrl.abort()
    process.once('SIGINT', onSigint)
    const report = await importItems(lib, items, { tags: opts.tag ?? [], signal: ctrl.signal })
    process.off('SIGINT', onSigint)
    let failed = 0
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
    if (!opts.json) process.stderr.write(`${report.outcomes.length - failed} article(s) imported or found, ${failed} failed\n`)
    return failed > 0 || report.cancelled ? 1 : 0
  } finally {
    lib.close()
  }
}
