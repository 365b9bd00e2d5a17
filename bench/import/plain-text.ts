/**
 * Plain-text import rate through the real pipeline (files on disk → parse →
 * sanitise → store, one transaction per article) against the physical limit:
 * the same texts inserted into a bare FTS5 table with better-sqlite3, in the same
 * process and run.
 */
import Database from 'better-sqlite3'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../src/main/core/library'
import { itemsFromPaths } from '../../src/main/core/import/items'
import { importItems } from '../../src/main/core/import/pipeline'
import { syntheticArticle } from '../corpus'

export interface ImportBenchRow {
  n: number
  megabytes: number
  bareRate: number
  scholiaRate: number
  ratio: number
  peakRssMb: number
}

/** Inserts in batches of this many rows per transaction: the fastest way to fill FTS5. */
const BARE_BATCH = 1_000

function bareFts(dir: string, texts: string[]): number {
  const db = new Database(join(dir, 'bare.db'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = NORMAL')
  db.exec("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')")
  const ins = db.prepare('INSERT INTO t(title, text) VALUES (?, ?)')
  const batch = db.transaction((rows: string[]) => {
    for (const r of rows) ins.run(r.slice(0, r.indexOf('\n')), r)
  })
  const t0 = performance.now()
  for (let i = 0; i < texts.length; i += BARE_BATCH) batch(texts.slice(i, i + BARE_BATCH))
  const ms = performance.now() - t0
  db.close()
  return (texts.length / ms) * 1000
}

export async function benchPlainTextImport(n: number): Promise<ImportBenchRow> {
  const dir = mkdtempSync(join(tmpdir(), 'scholia-bench-import-'))
  try {
    const files = join(dir, 'files')
    mkdirSync(files)
    const texts: string[] = []
    let bytes = 0
    for (let i = 0; i < n; i++) {
      const a = syntheticArticle(i)
      // Spread over sub-folders like a real archive; a flat folder of 100k files is slow to list anywhere.
      const sub = join(files, String(Math.floor(i / 1000)))
      if (i % 1000 === 0) mkdirSync(sub)
      writeFileSync(join(sub, a.name), a.text)
      texts.push(a.text)
      bytes += Buffer.byteLength(a.text)
    }
    const bareRate = bareFts(dir, texts)
    texts.length = 0

    const lib = Library.open(join(dir, 'library.db'))
    let peak = process.memoryUsage().rss
    const t0 = performance.now()
    const report = await importItems(lib, await itemsFromPaths([files]), {
      onProgress: (p) => {
        if (p.done % 500 === 0) peak = Math.max(peak, process.memoryUsage().rss)
      }
    })
    const ms = performance.now() - t0
    lib.close()
    const failed = report.outcomes.filter((o) => 'error' in o)
    if (failed.length) throw new Error(`benchmark import failed: ${JSON.stringify(failed[0])}`)
    const scholiaRate = (n / ms) * 1000
    return {
      n,
      megabytes: bytes / 1048576,
      bareRate,
      scholiaRate,
      ratio: scholiaRate / bareRate,
      peakRssMb: Math.max(peak, process.memoryUsage().rss) / 1048576
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function runImportBench(sizes: number[]): Promise<string> {
  const rows: ImportBenchRow[] = []
  for (const n of sizes) {
    rows.push(await benchPlainTextImport(n))
    console.error(`import ${n}: done`)
  }
  const lines = [
    '### Plain-text import vs bare FTS5 insert',
    '',
    '| articles | corpus MB | bare FTS5 (articles/s) | Scholia import (articles/s) | ratio | peak RSS MB |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.n} | ${r.megabytes.toFixed(0)} | ${r.bareRate.toFixed(0)} | ${r.scholiaRate.toFixed(0)} | ${(r.ratio * 100).toFixed(0)}% | ${r.peakRssMb.toFixed(0)} |`
    ),
    '',
    `Bare FTS5: the same texts inserted in batches of ${BARE_BATCH} per transaction into \`fts5(title, text)\`. Scholia: files read from disk, parsed, sanitised, canonicalised, hashed and stored with one transaction per article (metadata row, content row, FTS row). Goal: ≥ 50%.`
  ]
  return lines.join('\n')
}
