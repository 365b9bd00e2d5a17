/**
 * Plain-text import rate through the real pipeline (files on disk → parse →
 * canonical form → store, articles committed in groups) against the physical limit:
 * the same texts inserted into a bare FTS5 table with better-sqlite3, in the same
 * run. The import runs alone in a child process so its peak RSS is its own; CPU time
 * per article of the writer thread is reported too, because on a machine shared with
 * other work the wall-clock rates mostly measure how the scheduler shares the cores.
 */
import Database from 'better-sqlite3'
import { fork } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { syntheticArticle } from '../corpus'
import { GROUP_MAX_ARTICLES } from '../../src/main/core/import/group-commit'
import { WORKER_NICE } from '../../src/main/core/import/thread-priority'
import { bundleChild } from './bundle-child'
import type { ImportChildResult } from './import-child'
import { threadCpuMs } from './proc-stats'

export interface ImportBenchRow {
  n: number
  megabytes: number
  /** Bare FTS5 rate: the mean (by time per article) of the runs before and after the import, and each of them. */
  bareRate: number
  bareRates: [number, number]
  scholiaRate: number
  ratio: number
  /** Writer-thread CPU ms per article: bare FTS5 insert, Scholia import (null off Linux). */
  bareCpuMs: number | null
  scholiaCpuMs: number | null
  /** Wall ms per article the writer thread spent runnable but waiting for a core (null off Linux). */
  writerWaitMs: number | null
  /** CPU ms per article of the import's other threads (parsing workers, file reads). */
  workerCpuMs: number | null
  peakRssMb: number
  /** Peak main-thread heap used and memory outside V8 heaps during the import, MB. */
  peakHeapMb: number
  peakExternalMb: number
  /** 1-minute load average of the machine before and after the import. */
  load: [number, number]
}

/** Inserts in batches of this many rows per transaction: the fastest way to fill FTS5. */
const BARE_BATCH = 1_000
/** Articles per sub-folder; a flat folder of 100k files is slow to list anywhere. */
const FOLDER_SIZE = 1_000

const fileOf = (files: string, i: number): string => join(files, String(Math.floor(i / FOLDER_SIZE)), `synthetic-${i}.txt`)

/** Bare FTS5 inserts of the corpus; texts are read back a batch at a time, outside the timing. */
function bareFts(dir: string, files: string, n: number, name: string): { rate: number; cpuMs: number | null } {
  const db = new Database(join(dir, name))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')")
  const ins = db.prepare('INSERT INTO t(title, text) VALUES (?, ?)')
  const batch = db.transaction((rows: string[]) => {
    for (const r of rows) ins.run(r.slice(0, r.indexOf('\n')), r)
  })
  let ms = 0
  let cpuMs: number | null = 0
  const me = String(process.pid)
  for (let i = 0; i < n; i += BARE_BATCH) {
    const texts: string[] = []
    for (let k = i; k < Math.min(n, i + BARE_BATCH); k++) texts.push(readFileSync(fileOf(files, k), 'utf8'))
    const c0 = threadCpuMs()?.get(me)
    const t0 = performance.now()
    batch(texts)
    ms += performance.now() - t0
    const c1 = threadCpuMs()?.get(me)
    cpuMs = cpuMs !== null && c0 !== undefined && c1 !== undefined ? cpuMs + c1 - c0 : null
  }
  db.close()
  return { rate: (n / ms) * 1000, cpuMs: cpuMs === null ? null : cpuMs / n }
}

function importInChild(script: string, db: string, folder: string): Promise<ImportChildResult> {
  return new Promise((resolve, reject) => {
    // Plain Node, not the tsx this benchmark runs under: the child is a bundle, as the app ships.
    const child = fork(script, [db, folder], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv: [] })
    let out = ''
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`import child exited with ${code}`))
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as ImportChildResult)
    })
  })
}

export async function benchPlainTextImport(n: number, child: string): Promise<ImportBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'scholia-bench-import-'))
  try {
    const files = join(dir, 'files')
    mkdirSync(files)
    let bytes = 0
    for (let i = 0; i < n; i++) {
      const a = syntheticArticle(i)
      if (i % FOLDER_SIZE === 0) mkdirSync(join(files, String(i / FOLDER_SIZE)))
      writeFileSync(fileOf(files, i), a.text)
      bytes += Buffer.byteLength(a.text)
    }
    // This machine's speed drifts by ±20% over minutes, which once made one bare run before
    // the import 50% faster than usual: the baseline is run before and after the import,
    // and their mean (by time per article) is the rate the import is compared with.
    const before = bareFts(dir, files, n, 'bare-before.db')
    const load0 = loadavg()[0]
    const run = await importInChild(child, join(dir, 'library.db'), files)
    const load1 = loadavg()[0]
    const after = bareFts(dir, files, n, 'bare-after.db')
    const bare = {
      rate: 2 / (1 / before.rate + 1 / after.rate),
      cpuMs: before.cpuMs !== null && after.cpuMs !== null ? (before.cpuMs + after.cpuMs) / 2 : null
    }
    if (run.failed.length) throw new Error(`benchmark import failed: ${run.failed[0]}`)
    const scholiaRate = (n / run.ms) * 1000
    return {
      n,
      megabytes: bytes / 1048576,
      bareRate: bare.rate,
      bareRates: [before.rate, after.rate],
      scholiaRate,
      ratio: scholiaRate / bare.rate,
      bareCpuMs: bare.cpuMs,
      scholiaCpuMs: run.mainCpuMs === null ? null : run.mainCpuMs / n,
      writerWaitMs: run.mainWaitMs === null ? null : run.mainWaitMs / n,
      workerCpuMs: run.otherCpuMs === null ? null : run.otherCpuMs / n,
      peakRssMb: run.peakRssMb,
      peakHeapMb: run.peakHeapMb,
      peakExternalMb: run.peakExternalMb,
      load: [load0, load1]
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const ms3 = (x: number | null): string => (x === null ? '–' : x.toFixed(3))
const pct = (x: number): string => `${(x * 100).toFixed(0)}%`

export async function runImportBench(sizes: number[]): Promise<string> {
  const rows: ImportBenchRow[] = []
  const child = await bundleChild(fileURLToPath(new URL('./import-child.ts', import.meta.url)))
  try {
    for (const n of sizes) {
      rows.push(await benchPlainTextImport(n, child.path))
      console.error(`import ${n}: done`)
    }
  } finally {
    child.remove()
  }
  const lines = [
    '### Plain-text import vs bare FTS5 insert',
    '',
    '| articles | corpus MB | bare FTS5 (articles/s): mean (before / after) | Scholia import (articles/s) | ratio | writer CPU ms/article: bare / Scholia | ratio by writer CPU | writer waiting for a core ms/article | parsing threads CPU ms/article | import peak RSS MB | peak main heap / external MB | load avg before → after |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.megabytes.toFixed(0)} | ${r.bareRate.toFixed(0)} (${r.bareRates[0].toFixed(0)} / ${r.bareRates[1].toFixed(0)}) | ${r.scholiaRate.toFixed(0)} | ${pct(r.ratio)} | ${ms3(r.bareCpuMs)} / ${ms3(r.scholiaCpuMs)} | ${r.bareCpuMs !== null && r.scholiaCpuMs ? pct(r.bareCpuMs / r.scholiaCpuMs) : '–'} | ${ms3(r.writerWaitMs)} | ${ms3(r.workerCpuMs)} | ${r.peakRssMb.toFixed(0)} | ${r.peakHeapMb.toFixed(0)} / ${r.peakExternalMb.toFixed(0)} | ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`
    ),
    '',
    `Bare FTS5: the same texts inserted in batches of ${BARE_BATCH} per transaction into \`fts5(title, text)\` (reading them back from disk is not timed), once before the import and once after, into a fresh file each time; the ratio is against their mean time per article, so that the machine's drift over the minutes of a run cancels rather than decides it. Scholia: files read, parsed and canonicalised on worker threads and stored by the main thread in groups of up to ${GROUP_MAX_ARTICLES} articles per transaction, each article in its own savepoint (metadata row, content row, FTS row), in a child process built as the app ships (esbuild bundle, plain Node) whose peak RSS (VmHWM, workers included) is shown. Goal: ≥ 50%, RSS < 500 MB. "Ratio by writer CPU" compares the CPU time the single SQLite writer thread spends per article; it is what the wall-clock ratio becomes when the writer has a core to itself. The parsing threads run at nice ${WORKER_NICE} (Linux), so the writer waits for a core only when other programs hold both; "writer waiting for a core" is that wait (schedstat).`
  ]
  return lines.join('\n')
}
