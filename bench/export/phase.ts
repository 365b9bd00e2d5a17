/**
 * One measured step of the export benchmark, run in a fresh process so its
 * peak RSS is its own: `phase.ts export <format> <library> <out>` or
 * `phase.ts import <library> <file>`. Prints {ms, peakRssMb, …} as JSON.
 */
import { statSync } from 'node:fs'
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

async function main(): Promise<Record<string, unknown>> {
  if (step === 'export') {
    const [format, libPath, out] = rest
    const lib = Library.open(libPath)
    const rssBefore = peakRssMb()
    const c = cpuMs()
    const t = performance.now()
    const r = await runExport(lib, { scope: { kind: 'all' }, format: format as ExportFormat, out })
    const ms = performance.now() - t
    const cpu = cpuMs() - c
    lib.close()
    const bytes = r.files === 1 && r.path ? statSync(r.path).size : null
    return { ms, cpuMs: cpu, peakRssMb: peakRssMb(), rssAtStartMb: rssBefore, articles: r.articles, annotations: r.annotations, files: r.files, bytes }
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
