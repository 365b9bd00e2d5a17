/**
 * The app (here: the browser-mode server with every handler the app has) and the
 * command line on one library at the same time. A user works in the app —
 * highlights, notes, tags, bulk tags, metadata, reading progress, searches,
 * exports — while `scholia import` brings in a folder and `scholia highlight` /
 * `scholia tag` run in other processes. Nobody may see "database is locked", no
 * answered write of either side may be lost, and the library must be whole.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Annotation, Article } from '../../../shared/model'
import { startServer, type RunningServer } from '../../serve'
import { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { createHandlers } from '../service/handlers'
import { fillSampleData } from '../testing/sample-data'
import { bundle, removeBundles, type Bundle } from './kill-harness'
import { runUserSession, type Call, type SessionRecord } from './user-session'

/** Above the import pipeline's POOL_MIN_ITEMS, so its worker threads run too. */
const IMPORT_FILES = 40
/** The session goes on while the command line works, and does at least this much. */
const MIN_ROUNDS = 12
const BUSY = /locked|busy/i

let work: string
let cli: Bundle
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'scholia-concurrent-'))
  // Bundled once: through tsx each command would spend seconds compiling before it touched the library.
  cli = await bundle('../../cli.ts', ['../import/prepare-worker.ts'])
}, 60_000)
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  removeBundles()
})

interface CliRun {
  args: string[]
  code: number | null
  stdout: string
  stderr: string
}

/** Runs `scholia <args> --db <library> --json` as its own process. */
function scholia(path: string, args: string[]): Promise<CliRun> {
  const child = spawn(process.execPath, [cli.path!, ...args, '--db', path, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  return new Promise((ok) => child.on('close', (code) => ok({ args, code, stdout, stderr })))
}

const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)

function httpCall(server: RunningServer): Call {
  return async <T,>(method: string, args: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args)
    })
    const body = (await res.json()) as { ok: boolean; result?: T; error?: { code: string; message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`)
    return body.result as T
  }
}

/** What the app shows after the session, compared with what each answer said was saved. */
async function expectSessionKept(call: Call, lib: Library, r: SessionRecord): Promise<void> {
  const rows = new Map(
    (lib.db.prepare('SELECT id, note, deleted_at FROM annotations').all() as { id: string; note: string; deleted_at: string | null }[]).map((a) => [a.id, a])
  )
  for (const [id, h] of r.highlights) {
    expect(rows.get(id), `highlight ${id} lost`).toBeDefined()
    expect(rows.get(id)!.note, `note of highlight ${id}`).toBe(h.note)
    // A delete leaves a tombstone; a highlight not deleted must still be live.
    expect(rows.get(id)!.deleted_at !== null, `highlight ${id} deleted?`).toBe(h.deleted)
  }
  const touched = new Set([...r.articleNotes.keys(), ...r.titles.keys(), ...r.articleTags.keys()])
  for (const id of touched) {
    const a = await call<Article>('articles.get', { id })
    if (r.articleNotes.has(id)) expect(a.note).toBe(r.articleNotes.get(id))
    if (r.progress.has(id)) expect(a.progress).toBe(r.progress.get(id))
    if (r.titles.has(id)) expect(a.title).toBe(r.titles.get(id))
    for (const t of r.articleTags.get(id) ?? []) expect(a.tags, `tag ${t} on ${id}`).toContain(t)
    const shown = new Set((await call<Annotation[]>('annotations.list', { articleId: id })).map((x) => x.id))
    for (const [hid, h] of r.highlights) if (h.articleId === id) expect(shown.has(hid)).toBe(!h.deleted)
  }
  for (const { tag, matched } of r.bulkTags) {
    const n = lib.db.prepare('SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.path = ?').pluck().get(tag)
    expect(n, `articles with ${tag}`).toBe(matched)
  }
  expect(lib.getSetting('theme')).toBe(r.theme)
}

describe('the app and the command line on one library at once', () => {
  it('a user session in the app while the command line imports a folder, highlights and tags: nothing locked, nothing lost', async (ctx) => {
    if (!cli.path) ctx.skip(`the CLI does not build yet: ${cli.skipped}`)
    const path = join(work, 'library.db')
    const lib = Library.open(path)
    const ids = fillSampleData(lib)
    const server = await startServer({ lib, handlers: createHandlers(lib, { version: 'test', mode: 'browser' }), rendererDir: work })
    const call = httpCall(server)
    const folder = join(work, 'incoming')
    const exportDir = join(work, 'exports')
    mkdirSync(folder)
    mkdirSync(exportDir)
    for (let i = 0; i < IMPORT_FILES; i++)
      writeFileSync(join(folder, `n${i}.md`), `# Заметка ${i}\n\nУчёные и ледник ${i}. ${'Lorem ipsum dolor sit amet. '.repeat(30)}\n`)

    try {
      // Two command lines at once: one imports and then tags what it imported; the other highlights and tags.
      const importing = (async () => {
        const imported = await scholia(path, ['import', folder])
        const created = lines(imported.stdout).filter((o) => o.status === 'created').map((o) => String(o.id))
        const tagged = await scholia(path, ['tag', ...created, '--add', 'cli/imported'])
        return { runs: [imported, tagged], created }
      })()
      const annotating = (async () => {
        const runs: CliRun[] = []
        runs.push(await scholia(path, ['highlight', ids.english, '--quote', 'Ice cores', '--note', 'from the command line', '--color', 'pink']))
        runs.push(await scholia(path, ['tag', ids.english, ids.russian, '--add', 'cli/reviewed']))
        runs.push(await scholia(path, ['highlight', ids.russian, '--quote', 'ледники отступают', '--color', 'purple', '--tag', 'cli/quote']))
        return runs
      })()
      let cliDone = false
      const both = Promise.all([importing, annotating]).finally(() => (cliDone = true))
      const session = await runUserSession(call, { minRounds: MIN_ROUNDS, keepGoing: () => !cliDone, exportDir })
      const [imp, annotated] = await both

      for (const run of [...imp.runs, ...annotated]) {
        expect(run.stderr, run.args.join(' ')).not.toMatch(BUSY)
        expect(run.code, `${run.args.join(' ')}: ${run.stderr}`).toBe(0)
      }
      // Every file imported, and the tag the command line then put on them.
      expect(imp.created).toHaveLength(IMPORT_FILES)
      expect(lines(imp.runs[1].stdout)[0]).toMatchObject({ matched: IMPORT_FILES, changed: IMPORT_FILES })
      const cliTagged = lib.db
        .prepare("SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.path = 'cli/imported'")
        .pluck()
        .get()
      expect(cliTagged).toBe(IMPORT_FILES)
      // The command line's highlights and tags are there beside the session's.
      for (const run of [annotated[0], annotated[2]]) {
        const made = lines(run.stdout)[0] as { id: string; articleId: string }
        expect((await call<Annotation[]>('annotations.list', { articleId: made.articleId })).map((a) => a.id)).toContain(made.id)
      }
      for (const id of [ids.english, ids.russian]) expect((await call<Article>('articles.get', { id })).tags).toContain('cli/reviewed')

      expect(session.rounds).toBeGreaterThanOrEqual(MIN_ROUNDS)
      expect(session.exports).toBeGreaterThan(0)
      await expectSessionKept(call, lib, session)
      expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
    } finally {
      await server.close()
      lib.close()
    }
  }, 180_000)
})
