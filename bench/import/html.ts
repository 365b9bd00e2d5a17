/**
 * HTML import rate on saved pages (heavy news pages and documentation pages, see
 * html-pages.ts): Scholia's pipeline (prepass, linkedom + Readability, sanitize-html,
 * canonical form, worker threads on every core, stored in SQLite) against the common
 * Node pipeline — jsdom + Readability + DOMPurify, on one core, nothing stored — on the
 * same files in the same run. Also times one 3 MB book as EPUB and as plain text.
 */
import { Readability } from '@mozilla/readability'
import createDOMPurify from 'dompurify'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Library } from '../../src/main/core/library'
import { itemsFromPaths } from '../../src/main/core/import/items'
import { importItems } from '../../src/main/core/import/pipeline'
import { epubBook, textBook } from './books'
import { benchmarkPages } from './html-pages'

// jsdom ships no types and this project compiles without the DOM lib: the little used here.
interface JsdomWindow {
  document: unknown
  close(): void
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string, options: { url: string }) => { window: JsdomWindow }
}

/** Scholia's import is timed this many times (fresh library each): the first cold, the best of the rest warm. */
const SCHOLIA_ROUNDS = 3
const BASELINE_ROUNDS = 1
/** The goal for a 3 MB book. */
const BOOK_GOAL_MS = 2_000

interface Timed {
  pages: number
  ms: number
}

async function scholiaImport(dir: string, folder: string, round: number): Promise<Timed> {
  const lib = Library.open(join(dir, `library-${round}.db`))
  try {
    const items = await itemsFromPaths([folder])
    const t0 = performance.now()
    const report = await importItems(lib, items)
    const ms = performance.now() - t0
    const failed = report.outcomes.filter((o) => 'error' in o)
    if (failed.length) throw new Error(`benchmark import failed: ${JSON.stringify(failed[0])}`)
    return { pages: items.length, ms }
  } finally {
    lib.close()
  }
}

/** jsdom + Readability + DOMPurify, as most Node read-it-later tools do it. */
function baselineImport(files: string[]): Timed {
  const t0 = performance.now()
  for (const f of files) {
    const html = new TextDecoder().decode(readFileSync(f))
    const dom = new JSDOM(html, { url: 'https://example.com/saved-page' })
    const article = new Readability(dom.window.document as never).parse()
    const purify = createDOMPurify(dom.window as never)
    purify.sanitize(article?.content ?? '')
    dom.window.close()
  }
  return { pages: files.length, ms: performance.now() - t0 }
}

interface BookRun {
  ms: number
  /** CPU time of the whole process (all threads) during the import. */
  cpuMs: number
  mb: number
  textMb: number
}

/** Imports the book into a fresh library `runs` times: the first run also loads its parser's modules. */
async function bookImports(dir: string, name: string, bytes: Uint8Array | string, runs = 2): Promise<BookRun[]> {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  const out: BookRun[] = []
  for (let i = 0; i < runs; i++) out.push(await bookImport(dir, path, `${name}-${i}.db`))
  return out
}

async function bookImport(dir: string, path: string, db: string): Promise<BookRun> {
  const lib = Library.open(join(dir, db))
  try {
    const items = await itemsFromPaths([path])
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    const report = await importItems(lib, items)
    const ms = performance.now() - t0
    const cpu = process.cpuUsage(c0)
    const o = report.outcomes[0]
    if (!o || 'error' in o) throw new Error(`book import failed: ${JSON.stringify(o)}`)
    const text = (lib.db.prepare('SELECT length(text) AS n FROM article_content').get() as { n: number }).n
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000, mb: statSync(path).size / 1048576, textMb: text / 1048576 }
  } finally {
    lib.close()
  }
}

const sec = (ms: number): string => (ms / 1000).toFixed(2)
const best = (runs: Timed[]): Timed => runs.reduce((a, b) => (b.ms < a.ms ? b : a))
const rate = (t: Timed): number => (t.pages / t.ms) * 1000

export async function runHtmlImportBench(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'scholia-bench-html-'))
  try {
    const folder = join(dir, 'pages')
    mkdirSync(folder)
    const pages = benchmarkPages()
    let bytes = 0
    for (const p of pages) {
      writeFileSync(join(folder, p.name), p.html)
      bytes += Buffer.byteLength(p.html)
    }
    const files = pages.map((p) => join(folder, p.name))

    const baselineRuns: Timed[] = []
    const scholiaRuns: Timed[] = []
    // Interleaved, so a change in machine load hits both sides alike.
    for (let i = 0; i < Math.max(SCHOLIA_ROUNDS, BASELINE_ROUNDS); i++) {
      if (i < BASELINE_ROUNDS) baselineRuns.push(baselineImport(files))
      if (i < SCHOLIA_ROUNDS) scholiaRuns.push(await scholiaImport(dir, folder, i))
      console.error(`html import: round ${i + 1} done`)
    }
    const base = best(baselineRuns)
    const cold = scholiaRuns[0]
    const ours = best(scholiaRuns.slice(1))
    const [epub, epubAgain] = await bookImports(dir, 'book.epub', epubBook())
    const [txt, txtAgain] = await bookImports(dir, 'book.txt', textBook())
    const news = pages.filter((p) => p.name.startsWith('news')).length
    const lines = [
      '### HTML import: Scholia vs jsdom + Readability + DOMPurify',
      '',
      `${pages.length} saved pages (${news} heavy news pages, ${pages.length - news} documentation pages), ${(bytes / 1048576).toFixed(1)} MB, generated by bench/import/html-pages.ts.`,
      '',
      '| pipeline | pages/s | ms/page |',
      '|---|---:|---:|',
      `| jsdom + Readability + DOMPurify (1 core, nothing stored) | ${rate(base).toFixed(1)} | ${(base.ms / base.pages).toFixed(0)} |`,
      `| Scholia import, first in the process (${availableParallelism()} worker threads start, parsers load; stored) | ${rate(cold).toFixed(1)} | ${(cold.ms / cold.pages).toFixed(0)} |`,
      `| Scholia import, workers running (${availableParallelism()} worker threads, stored) | ${rate(ours).toFixed(1)} | ${(ours.ms / ours.pages).toFixed(0)} |`,
      `| **ratio** (workers running / first import) | **${(rate(ours) / rate(base)).toFixed(1)}×** / ${(rate(cold) / rate(base)).toFixed(1)}× | |`,
      '',
      `Scholia: ${SCHOLIA_ROUNDS} imports into fresh libraries; the first pays worker start-up, the pool then stays up between imports (as in the app) and the best later run is shown. Baseline: ${BASELINE_ROUNDS} run(s), modules already loaded. Goal: ≥ 10×.`,
      '',
      '| book | file MB | text MB | first import s | again s | again, CPU s |',
      '|---|---:|---:|---:|---:|---:|',
      `| EPUB 3, 40 chapters, 1 image | ${epub.mb.toFixed(1)} | ${epub.textMb.toFixed(1)} | ${sec(epub.ms)} | ${sec(epubAgain.ms)} | ${sec(epubAgain.cpuMs)} |`,
      `| plain text, 40 chapters | ${txt.mb.toFixed(1)} | ${txt.textMb.toFixed(1)} | ${sec(txt.ms)} | ${sec(txtAgain.ms)} | ${sec(txtAgain.cpuMs)} |`,
      '',
      `Goal: < ${BOOK_GOAL_MS / 1000} s each (parse, sanitise, canonicalise, store and index, one transaction). "First" includes loading the parser's modules in this process (under tsx: compiling them); "again" is a fresh library with the modules loaded. CPU time counts every thread, so on a machine shared with other work it shows what wall time would be on an idle one.`
    ]
    return lines.join('\n')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
