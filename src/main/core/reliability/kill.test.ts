/**
 * Kill test: a process writing to the library is SIGKILLed at random moments,
 * over and over. After every kill the library must pass SQLite's integrity check
 * and Scholia's own check (full-text indexes agree with their tables, no article
 * without content), and every write the process acknowledged must be there.
 *
 * `npm test` runs KILLS (50) kills; `npm run soak` sets SCHOLIA_KILLS=1000.
 * SCHOLIA_KILL_SEED replays a run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { writeSampleLibrary } from '../testing/sample-data'
import { bundle, KILLS, removeBundles, runAndKill, type Bundle, type KillAt } from './kill-harness'
import { rng } from './random'
import { recordFigure } from './figures'

const SEED = Number(process.env.SCHOLIA_KILL_SEED ?? Date.now() % 1_000_000)
const random = rng(SEED)
/** Share of the kills spent on the stream of small writes (cheap); the rest go to imports (a second or two each). */
const WRITES_SHARE = 0.8
/** A few kills land during start-up (opening, migrating) rather than mid-stream. */
const EARLY_KILL_SHARE = 0.1
/** Generous per-kill budgets for the test timeouts (a loaded two-core machine takes ~1 s and ~4 s). */
const MS_PER_WRITES_KILL = 5_000
const MS_PER_IMPORT_KILL = 15_000

/** Above the pipeline's POOL_MIN_ITEMS, so the worker threads run (and get killed) too. */
const FILES_PER_BATCH = 20

let work: string
let writer: Bundle
let importer: Bundle
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'scholia-kill-'))
  ;[writer, importer] = await Promise.all([bundle('child-writes.ts'), bundle('child-import.ts', ['../import/prepare-worker.ts'])])
}, 60_000)
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  removeBundles()
})

/** Opens the library after a kill and asserts it is whole; returns it for the caller's checks. */
function reopenWhole(path: string, context: string): Library {
  const lib = Library.open(path)
  const report = checkLibrary(lib)
  if (!report.ok) lib.close()
  expect(report.problems, `${context} (seed ${SEED})`).toEqual([])
  return lib
}

const nOf = (s: string | null | undefined): number => Number(/n[=":]+(\d+)/.exec(s ?? '')?.[1] ?? -1)

describe(`killed at random moments (${KILLS} kills, seed ${SEED})`, () => {
  it('a stream of highlights, notes, progress and settings: every acknowledged write is there after each kill', async () => {
    const path = join(work, 'writes.db')
    writeSampleLibrary(path)
    const kills = Math.ceil(KILLS * WRITES_SHARE)
    const last = { set: -1, progress: -1, note: -1 }
    const annotations = new Map<string, { n: number; deleted: boolean }>()
    let next = 1
    let acks = 0
    for (let k = 0; k < kills; k++) {
      const early = random() < EARLY_KILL_SHARE
      const at = early ? { after: 'spawn' as const, delayMs: random() * 400 } : { after: 'ready' as const, delayMs: random() * 250 }
      const run = await runAndKill(writer.path!, [path, String(next), String(Math.floor(random() * 1e9))], at)
      expect(run.killed, `child ended by itself: ${run.lines.filter((l) => l.startsWith('ERR')).join(' ')} ${run.stderr}`).toBe(true)
      for (const line of run.lines) {
        const [tag, kind, a, b] = line.split(' ')
        if (tag !== 'ACK') continue
        acks++
        if (kind === 'set' || kind === 'progress' || kind === 'note') last[kind] = Number(a)
        else if (kind === 'create' || kind === 'update') annotations.set(a, { n: Number(b), deleted: false })
        else if (kind === 'delete') annotations.set(a, { n: annotations.get(a)?.n ?? -1, deleted: true })
        else if (kind === 'exists' && !annotations.has(a)) annotations.set(a, { n: -1, deleted: false })
        next = Math.max(next, Number(b ?? a) || 0)
      }
      // Leave room for the write that may have committed without its ACK reaching us.
      next += 10

      const lib = reopenWhole(path, `after kill ${k + 1}`)
      try {
        const context = `after kill ${k + 1} (seed ${SEED})`
        expect(nOf(lib.getSetting('reader')), context).toBeGreaterThanOrEqual(last.set)
        const [en, ru] = lib.db.prepare('SELECT progress, note FROM articles ORDER BY rowid').all() as { progress: number; note: string }[]
        expect(Math.round(en.progress * 1e9), context).toBeGreaterThanOrEqual(Math.max(last.progress, 0))
        if (last.note >= 0) expect(nOf(ru.note), context).toBeGreaterThanOrEqual(last.note)
        const rows = lib.db.prepare('SELECT id, note, deleted_at FROM annotations').all() as { id: string; note: string; deleted_at: string | null }[]
        const byId = new Map(rows.map((r) => [r.id, r]))
        for (const [id, want] of annotations) {
          const row = byId.get(id)
          expect(row, `${context}: acknowledged highlight ${id} is missing`).toBeDefined()
          if (want.deleted) expect(row!.deleted_at, `${context}: acknowledged delete of ${id} lost`).not.toBeNull()
          // A later write may have committed just before the kill without its ACK (a newer note, or a delete).
          else if (row!.deleted_at === null) expect(nOf(row!.note), `${context}: edit of ${id}`).toBeGreaterThanOrEqual(want.n)
        }
      } finally {
        lib.close()
      }
    }
    expect(acks).toBeGreaterThan(kills)
    recordFigure('writes', { kills, acknowledgedWrites: acks, highlights: annotations.size, seed: SEED, losses: 0 })
  }, Math.max(120_000, Math.ceil(KILLS * WRITES_SHARE) * MS_PER_WRITES_KILL))

  it('a folder import: every acknowledged article is there after each kill, none half-imported', async (ctx) => {
    if (!importer.path) ctx.skip(`the import child cannot be built yet: ${importer.skipped}`)
    const path = join(work, 'import.db')
    Library.open(path).close()
    const kills = KILLS - Math.ceil(KILLS * WRITES_SHARE)
    const acked = new Set<string>()
    let batch = 0
    let midImport = 0
    let killedRuns = 0
    while (killedRuns < kills && batch < kills * 2) {
      const folder = join(work, `batch-${++batch}`)
      writeBatch(folder, batch)
      // Mostly mid-import: just after the n-th article committed (the next one is being written or prepared);
      // some during start-up and while the first files are read and parsed on the workers.
      const r = random()
      const at: KillAt =
        r < EARLY_KILL_SHARE
          ? { after: 'spawn', delayMs: random() * 600 }
          : r < 0.25
            ? { after: 'ready', delayMs: random() * 300 }
            : { after: 'acks', count: 1 + Math.floor(random() * (FILES_PER_BATCH - 2)), delayMs: random() * 20 }
      // Small groups of articles per transaction, so kills land between commits and inside one; some runs use the default.
      const group = random() < 0.8 ? String(1 + Math.floor(random() * 6)) : ''
      const run = await runAndKill(importer.path!, [path, folder, ...(group ? [group] : [])], at)
      if (run.killed) {
        killedRuns++
        if (run.lines.some((l) => l.startsWith('ACK'))) midImport++
      } else expect(run.code, run.stderr).toBe(0)
      expect(run.lines.filter((l) => l.startsWith('FAILED'))).toEqual([])
      for (const line of run.lines) if (line.startsWith('ACK import ')) acked.add(line.slice('ACK import '.length))

      const lib = reopenWhole(path, `after import run ${batch}`)
      try {
        const have = new Set(
          (lib.db.prepare('SELECT source FROM articles WHERE deleted_at IS NULL').all() as { source: string }[]).map((r) => r.source.replace(/#\d+$/, ''))
        )
        const lost = [...acked].filter((s) => !have.has(s))
        expect(lost, `acknowledged imports lost after run ${batch} (seed ${SEED})`).toEqual([])
      } finally {
        lib.close()
      }
    }
    expect(killedRuns).toBe(kills)
    recordFigure('import', { kills: killedRuns, killsMidImport: midImport, runs: batch, acknowledgedArticles: acked.size, seed: SEED, losses: 0 })
  }, Math.max(120_000, (KILLS - Math.ceil(KILLS * WRITES_SHARE)) * MS_PER_IMPORT_KILL))
})

/** A batch of small articles in every text format, with Cyrillic, each with unique content. */
function writeBatch(folder: string, batch: number): void {
  mkdirSync(folder, { recursive: true })
  for (let i = 0; i < FILES_PER_BATCH; i++) {
    const id = `${batch}-${i}`
    const body = `Article ${id}. Учёные изучают ледник номер ${id}. ${'Lorem ipsum dolor sit amet. '.repeat(20 + (i % 7))}`
    if (i % 3 === 0) writeFileSync(join(folder, `a${i}.txt`), `Заметка ${id}\n\n${body}\n`)
    else if (i % 3 === 1) writeFileSync(join(folder, `a${i}.md`), `# Note ${id}\n\n${body}\n\n*emphasis* and a [link](https://example.org/${id}).\n`)
    else writeFileSync(join(folder, `a${i}.html`), `<!doctype html><html><head><title>Page ${id}</title></head><body><article><h1>Page ${id}</h1><p>${body}</p></article></body></html>`)
  }
}
