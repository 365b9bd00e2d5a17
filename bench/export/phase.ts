/**
 * One measured step of the export benchmark, run in a fresh process so its
 * peak RSS is its own: `phase.ts export <format> <library> <out>` or
 * `phase.ts import <library> <file>`. Prints {ms, peakRssMb, …} as JSON.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { runExport } from '../../src/main/core/export/run'
import { Library } from '../../src/main/core/library'
import { importSharedPath } from '../../src/main/core/share/import'
import type { ExportFormat } from '../../src/shared/api/export'

const [step, ...rest] = process.argv.slice(2)
const peakRssMb = () => process.resourceUsage().maxRSS / 1024
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
/** CPU time of the main thread alone (Linux; clock ticks of 10 ms): the Markdown export writes its files on another thread. */
const mainThreadCpuMs = (): number | null => {
  try {
    const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return null
  }
}
/**
 * The kernel's part, measured bare: `n` empty files created in a new folder
 * beside `folder`, as the export creates its own. On this VM's ext4 (no
 * journal) creating a file costs 0.02–1 ms depending on how many inodes were
 * freed near that folder in the last minutes, so the export's time is read
 * against this. The files are left for the caller to remove with the output.
 */
function bareCreateMs(folder: string, n: number): number {
  const bare = mkdtempSync(join(dirname(folder), '.bare-create-'))
  const t = performance.now()
  for (let i = 0; i < n; i++) closeSync(openSync(join(bare, `${i}.md`), 'wx'))
  return performance.now() - t
}

async function main(): Promise<Record<string, unknown>> {
  if (step === 'export') {
    const [format, libPath, out] = rest
    const lib = Library.open(libPath)
    const rssBefore = peakRssMb()
    const c = cpuMs()
    const main0 = mainThreadCpuMs()
    const t = performance.now()
    const r = await runExport(lib, { scope: { kind: 'all' }, format: format as ExportFormat, out })
    const ms = performance.now() - t
    const cpu = cpuMs() - c
    const mainCpu = main0 === null ? null : mainThreadCpuMs()! - main0
    lib.close()
    const bytes = r.files === 1 && r.path ? statSync(r.path).size : null
    const bare = format === 'md' && r.path ? bareCreateMs(r.path, r.files) : null
    return { ms, cpuMs: cpu, mainThreadCpuMs: mainCpu, bareCreateMs: bare, peakRssMb: peakRssMb(), rssAtStartMb: rssBefore, articles: r.articles, annotations: r.annotations, files: r.files, bytes }
  }
  const [libPath, file] = rest
  const lib = Library.open(libPath)
  const rssBefore = peakRssMb()
  const c = cpuMs()
  const t = performance.now()
  const s = await importSharedPath(lib, file)
  const ms = performance.now() - t
  const cpu = cpuMs() - c
  lib.close()
  return { ms, cpuMs: cpu, peakRssMb: peakRssMb(), rssAtStartMb: rssBefore, ...s, rejected: s.rejected.length, missing: s.missing.length }
}

main()
  .then((r) => process.stdout.write(`${JSON.stringify(r)}\n`))
  .catch((e) => {
    process.stderr.write(`${(e as Error).stack ?? e}\n`)
    process.exit(1)
  })
