/**
 * The export benchmark (issue 6): on a generated library of 10,000 articles
 * and 100,000 annotations, export to Markdown (a file per article) and to
 * W3C JSON-LD, each within 3 s, then import that JSON-LD into a teammate's
 * library holding the same articles within 10 s. Each step runs in a fresh
 * process (phase.ts) so its peak RSS is its own; CPU time is reported beside
 * wall time because a loaded machine stretches the wall clock.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateExportLibraries } from './generate'

export interface ExportBenchOptions {
  articles?: number
  annotations?: number
  /** Keep the generated libraries here and reuse them on later runs. */
  keepDir?: string
}

interface Step {
  ms: number
  cpuMs: number
  peakRssMb: number
  rssAtStartMb: number
  [k: string]: unknown
}

const PHASE = fileURLToPath(new URL('./phase.ts', import.meta.url))
const TARGET_EXPORT_MS = 3_000
const TARGET_IMPORT_MS = 10_000

function phase(args: string[]): Step {
  const out = execFileSync(process.execPath, ['--import', 'tsx', PHASE, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 })
  return JSON.parse(out.trim().split('\n').pop()!) as Step
}

const s = (ms: number) => (ms / 1000).toFixed(2)
const mb = (x: number) => x.toFixed(0)

/** Runs the benchmark and returns its Markdown section for bench/RESULTS.md. */
export async function runExportBench(opts: ExportBenchOptions = {}): Promise<string> {
  const articles = opts.articles ?? 10_000
  const annotations = opts.annotations ?? 100_000
  const dir = opts.keepDir ?? mkdtempSync(join(tmpdir(), 'scholia-export-bench-'))
  const a = join(dir, `a-${articles}-${annotations}.db`)
  const b0 = join(dir, `b-${articles}-${annotations}.db`)
  let generated = 'reused'
  if (!existsSync(a) || !existsSync(b0)) {
    rmSync(a, { force: true })
    rmSync(b0, { force: true })
    generated = `${generateExportLibraries(a, b0, articles, annotations).seconds.toFixed(0)} s`
  }
  const out = mkdtempSync(join(dir, 'out-'))
  try {
    const rows: string[] = []
    const row = (what: string, st: Step, target: number | null, extra = '') =>
      rows.push(
        `| ${what} | ${s(st.ms)} s | ${s(st.cpuMs)} s | ${target === null ? '—' : `≤ ${s(target)} s ${st.ms <= target ? '✅' : st.cpuMs <= target ? '⚠️ (CPU within)' : '❌'}`} | ${mb(st.peakRssMb)} MB (${mb(st.rssAtStartMb)} at start) | ${extra} |`
      )
    const md = phase(['export', 'md', a, join(out, 'markdown')])
    const mainCpu = typeof md.mainThreadCpuMs === 'number' ? `; main thread CPU ${s(md.mainThreadCpuMs)} s` : ''
    const bare = typeof md.bareCreateMs === 'number' ? `; ${md.files} empty files created bare in the same place: ${s(md.bareCreateMs)} s` : ''
    row('Markdown export (a file per article)', md, TARGET_EXPORT_MS, `${md.files} files${mainCpu}${bare}`)
    const jsonldPath = join(out, 'notes.jsonld')
    const jl = phase(['export', 'jsonld', a, jsonldPath])
    row('JSON-LD export', jl, TARGET_EXPORT_MS, `${((jl.bytes as number) / 2 ** 20).toFixed(0)} MB, ${jl.annotations} live annotations`)
    for (const f of ['csv', 'html', 'bundle'] as const) {
      const st = phase(['export', f, a, join(out, `notes.${f}`)])
      row(`${f.toUpperCase()} export`, st, null, `${((st.bytes as number) / 2 ** 20).toFixed(0)} MB`)
    }
    const b = join(out, 'b.db')
    copyFileSync(b0, b)
    const imp = phase(['import', b, jsonldPath])
    row('Import of that JSON-LD into a library holding the articles', imp, TARGET_IMPORT_MS, `${imp.added} added, ${imp.orphaned} orphaned, ${imp.pending} pending`)
    const again = phase(['import', b, jsonldPath])
    row('Same import again (no-op)', again, null, `${again.added} added, ${again.unchanged} unchanged`)
    return [
      `### Export and sharing (${articles.toLocaleString('en')} articles, ${annotations.toLocaleString('en')} annotations; libraries generated: ${generated})`,
      '',
      '| step | wall | CPU | target | peak RSS | |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
      '',
      'Each step runs in its own process; peak RSS includes Node, tsx and SQLite’s 64 MB page cache. ⚠️: over the target in wall time on a loaded machine while the CPU time is within it.'
    ].join('\n')
  } finally {
    rmSync(out, { recursive: true, force: true })
    if (!opts.keepDir) rmSync(dir, { recursive: true, force: true })
  }
}
