/**
 * The app (here: the browser-mode server with every handler the app has) and the
 * command line on one library at the same time. A user works in the app —
 * highlights, notes, tags, bulk tags, metadata, reading progress, searches,
 * exports — while `scholia import` brings in a folder and `scholia highlight` /
 * `scholia tag` run in other processes, and a second client of the API writes all
 * along. Nobody may see "database is locked", no answered write of anyone may be
 * lost, and the library must be whole.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BYTES_CONTENT_TYPE } from '../../../shared/api/reading'
import type { Annotation, Article } from '../../../shared/model'
import { startServer, type RunningServer } from '../../serve'
import { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { createHandlers } from '../service/handlers'
import { fillSampleData } from '../testing/sample-data'
import { bundle, removeBundles, type Bundle } from './kill-harness'
import { runUserSession, type Call, type SessionRecord } from './user-session'

/** Files the command line imports (below the pipeline's POOL_MIN_ITEMS: worker threads would double its start-up, and the kill test covers them). */
const IMPORT_FILES = 12
/**
 * Pause of the second app-like writer between its writes: it holds the write
 * lock often enough that the session and the command line must wait for it,
 * without taking a whole core from them.
 */
const WRITER_PAUSE_MS = 5
/** The session goes on while the command line works, and does at least this much. */
const MIN_ROUNDS = 12
const BUSY = /locked|busy/i

let work: string
let cli: Bundle
let writer: Bundle
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'scholia-concurrent-'))
  // Bundled once: through tsx each command would spend seconds compiling before it touched the library.
  ;[cli, writer] = await Promise.all([bundle('../../cli.ts', ['../import/prepare-worker.ts']), bundle('child-writes.ts')])
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
  return run(cli.path!, [...args, '--db', path, '--json']).done
}

function run(script: string, args: string[]) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  const done = new Promise<CliRun>((ok) => child.on('close', (code) => ok({ args, code, stdout, stderr })))
  return { child, done }
}

const lines = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>)

function httpCall(server: RunningServer): Call {
  return async <T,>(method: string, args: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(args)
    })
    if (res.ok && res.headers.get('content-type') === BYTES_CONTENT_TYPE) return new Uint8Array(await res.arrayBuffer()) as T
    const body = (await res.json()) as { ok: boolean; result?: T; error?: { code: string; message: string } }
    if (!body.ok) throw new Error(`${method}: ${body.error?.code} ${body.error?.message}`)
    return body.result as T
  }
}

/**
 * What the app shows after the session, compared with what each answer said was
 * saved. `sharedWith` names the article whose progress and the one whose note the
 * other writer sets too (the last writer wins there, so they are not compared).
 */
async function expectSessionKept(call: Call, lib: Library, r: SessionRecord, sharedWith: { progress: string; note: string }): Promise<void> {
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
    if (r.articleNotes.has(id) && id !== sharedWith.note) expect(a.note).toBe(r.articleNotes.get(id))
    if (r.progress.has(id) && id !== sharedWith.progress) expect(a.progress).toBe(r.progress.get(id))
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

    // Another client of the library writing all the time (like a second app window): highlights, notes, progress, settings.
    const other = run(writer.path!, [path, '1', '7', String(WRITER_PAUSE_MS)])
    try {
      await new Promise((ok) => other.child.stdout.once('data', ok))
      // Three commands at once beside the app: a folder import (tagging what it brings in), a highlight, a tag.
      const importing = scholia(path, ['import', folder, '--tag', 'cli/imported'])
      const annotating = Promise.all([
        scholia(path, ['highlight', ids.russian, '--quote', 'ледники отступают', '--note', 'from the command line', '--color', 'purple', '--tag', 'cli/quote']),
        scholia(path, ['tag', ids.english, ids.russian, '--add', 'cli/reviewed'])
      ])
      let cliDone = false
      const both = Promise.all([importing, annotating]).finally(() => (cliDone = true))
      const session = await runUserSession(call, { minRounds: MIN_ROUNDS, keepGoing: () => !cliDone, exportDir })
      const [imp, annotated] = await both
      other.child.kill('SIGTERM')
      const wrote = await other.done

      for (const run of [imp, ...annotated]) {
        expect(run.stderr, run.args.join(' ')).not.toMatch(BUSY)
        expect(run.code, `${run.args.join(' ')}: ${run.stderr}`).toBe(0)
      }
      // Every file imported, with the tag asked for.
      expect(lines(imp.stdout).filter((o) => o.status === 'created')).toHaveLength(IMPORT_FILES)
      const cliTagged = lib.db
        .prepare("SELECT count(*) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE t.path = 'cli/imported'")
        .pluck()
        .get()
      expect(cliTagged).toBe(IMPORT_FILES)
      // The command line's highlights and tags are there beside the session's.
      const made = lines(annotated[0].stdout)[0] as { id: string; articleId: string; note: string }
      expect(await call<Annotation[]>('annotations.list', { articleId: ids.russian })).toContainEqual(expect.objectContaining({ id: made.id, note: 'from the command line' }))
      for (const id of [ids.english, ids.russian]) expect((await call<Article>('articles.get', { id })).tags).toContain('cli/reviewed')

      // The other writer: no error, and every highlight it was told it had made is there.
      expect(wrote.stdout).not.toMatch(/^ERR/m)
      expect(wrote.stderr).not.toMatch(BUSY)
      const otherMade = wrote.stdout.split('\n').filter((l) => l.startsWith('ACK create ')).map((l) => l.split(' ')[2])
      expect(otherMade.length).toBeGreaterThan(0)
      const stored = new Set(lib.db.prepare('SELECT id FROM annotations').pluck().all())
      for (const id of otherMade) expect(stored.has(id), `highlight ${id} of the other writer lost`).toBe(true)

      expect(session.rounds).toBeGreaterThanOrEqual(MIN_ROUNDS)
      expect(session.exports).toBeGreaterThan(0)
      // The other writer sets the progress of the first article and the note of the second (child-writes.ts).
      await expectSessionKept(call, lib, session, { progress: ids.english, note: ids.russian })
      expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
      // And as the next start of the app finds it.
      const reopened = Library.open(path)
      try {
        expect(checkLibrary(reopened)).toEqual({ ok: true, problems: [] })
      } finally {
        reopened.close()
      }
    } finally {
      other.child.kill('SIGKILL')
      await server.close()
      lib.close()
    }
  }, 180_000)
})
