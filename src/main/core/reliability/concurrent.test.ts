/**
 * The app (here: the browser-mode server) and the command line on one library
 * at the same time. Both write; neither may see "database is locked", and no
 * write of either may be lost.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../serve'
import { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { appHandlers } from '../service/app-handlers'
import { annotationHandlers } from '../service/annotation-handlers'
import { articleHandlers } from '../service/article-handlers'
import type { Handlers } from '../service/dispatch'
import { fillSampleData } from '../testing/sample-data'
import { bundle, removeBundles, type Bundle } from './kill-harness'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
/** Writes the server takes while the other process writes too. */
const HTTP_WRITES = 60
const IMPORT_FILES = 60

let work: string
let writer: Bundle
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'scholia-concurrent-'))
  writer = await bundle('child-writes.ts')
}, 60_000)
afterAll(() => {
  rmSync(work, { recursive: true, force: true })
  removeBundles()
})

let lib: Library
let server: RunningServer
let path: string
let ids: { english: string; russian: string }
beforeEach(async () => {
  path = join(work, `library-${Date.now()}.db`)
  lib = Library.open(path)
  ids = fillSampleData(lib)
  // The server's own writes are the ones the UI makes; the import handlers are the CLI's side here.
  const handlers = { ...appHandlers(lib, { version: 'test', mode: 'browser' }), ...articleHandlers(lib), ...annotationHandlers(lib) } as Handlers
  server = await startServer({ lib, handlers, rendererDir: work })
})
afterEach(async () => {
  await server.close()
  lib.close()
})

async function call(method: string, args: unknown): Promise<{ ok: boolean; result?: { id: string }; error?: { code: string; message: string } }> {
  const res = await fetch(`http://127.0.0.1:${server.port}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args)
  })
  return (await res.json()) as { ok: boolean; result?: { id: string } }
}

/** Highlights made through the server, one after another, while `busy` is running in another process. */
async function highlightThroughServer(count: number): Promise<string[]> {
  const made: string[] = []
  for (let i = 0; i < count; i++) {
    const r = await call('annotations.create', { articleId: ids.english, start: i % 60, end: (i % 60) + 5 + (i % 4), color: 'blue', note: `http=${i}` })
    expect(r.error?.message ?? '').not.toMatch(/locked|busy/i)
    expect(r.ok, JSON.stringify(r.error)).toBe(true)
    made.push(r.result!.id)
    if (i % 10 === 0) expect((await call('settings.set', { key: 'theme', value: `t${i}` })).ok).toBe(true)
  }
  return made
}

function spawnNode(args: string[]) {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) => child.on('close', (code) => ok({ code, stdout, stderr })))
  return { child, done }
}

describe('the app and the command line on one library at once', () => {
  it('a second process writing highlights and notes: no "database is locked", no lost write', async () => {
    const other = spawnNode([writer.path!, path, '1', '42'])
    await new Promise((ok) => other.child.stdout.once('data', ok))
    const made = await highlightThroughServer(HTTP_WRITES)
    other.child.kill('SIGTERM')
    const { stdout, stderr } = await other.done
    expect(stdout).not.toMatch(/^ERR/m)
    expect(stderr).not.toMatch(/locked|busy/i)
    const otherCreated = stdout.split('\n').filter((l) => l.startsWith('ACK create ')).map((l) => l.split(' ')[2])
    expect(otherCreated.length).toBeGreaterThan(10)

    const stored = new Set((lib.db.prepare('SELECT id FROM annotations').all() as { id: string }[]).map((r) => r.id))
    for (const id of [...made, ...otherCreated]) expect(stored.has(id), `highlight ${id} lost`).toBe(true)
    expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
  }, 120_000)

  it('scholia import of a folder while the server takes highlights: every file and every highlight is there', async (ctx) => {
    try {
      await import('../import/pipeline')
    } catch (e) {
      ctx.skip(`the import pipeline does not load yet: ${(e as Error).message.split('\n')[0]}`)
    }
    const folder = join(work, 'incoming')
    mkdirSync(folder, { recursive: true })
    for (let i = 0; i < IMPORT_FILES; i++)
      writeFileSync(join(folder, `n${i}.md`), `# Заметка ${i}\n\nУчёные и ледник ${i}. ${'Lorem ipsum dolor sit amet. '.repeat(30)}\n`)
    const cli = spawnNode(['--import', 'tsx', 'src/main/cli.ts', 'import', folder, '--db', path, '--json'])
    const made = await highlightThroughServer(HTTP_WRITES)
    const result = await cli.done
    expect(result.stderr).not.toMatch(/locked|busy/i)
    expect(result.code, result.stderr).toBe(0)
    const outcomes = result.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { status?: string })
    expect(outcomes.filter((o) => o.status === 'created'), result.stdout.slice(0, 500)).toHaveLength(IMPORT_FILES)

    const n = lib.db.prepare("SELECT count(*) AS n FROM articles WHERE source LIKE ? AND deleted_at IS NULL").get(`${folder}%`) as { n: number }
    expect(n.n).toBe(IMPORT_FILES)
    const stored = new Set((lib.db.prepare('SELECT id FROM annotations').all() as { id: string }[]).map((r) => r.id))
    for (const id of made) expect(stored.has(id), `highlight ${id} lost`).toBe(true)
    expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
  }, 180_000)
})
