import type { GlobalOptions } from './context'
import { emit, openLibrary } from './context'
import { checkLibrary } from '../core/maintenance/check'
import { backupLibrary } from '../core/maintenance/backup'

export function checkCommand(opts: GlobalOptions): number {
  const lib = openLibrary(opts)
  try {
    const report = checkLibrary(lib)
    emit(opts, report, report.ok ? `ok: ${lib.path} is consistent` : report.problems.map((p) => `problem: ${p}`).join('\n'))
    return report.ok ? 0 : 1
  } finally {
    lib.close()
  }
}

export async function backupCommand(out: string, opts: GlobalOptions): Promise<number> {
  const lib = openLibrary(opts)
  try {
    const r = await backupLibrary(lib, out)
    emit(opts, r, `backed up ${lib.path} to ${r.path}`)
    return 0
  } finally {
    lib.close()
  }
}
