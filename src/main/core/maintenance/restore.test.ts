import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { restoreCommand } from '../../cli/restore'
import { jsonLines, runCli } from '../../cli/run-cli'
import { LATEST_VERSION } from '../db/migrations'
import { Library } from '../library'
import { fillSampleData } from '../testing/sample-data'
import { snapshot, type Snapshot } from '../testing/snapshot'
import { tempLibrary } from '../testing/temp-library'
import { takeBackup } from './auto-backup'
import { libraryHolders, markLibraryOpen } from './in-use'
import { restoreLibrary } from './restore'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))

let t: ReturnType<typeof tempLibrary>
let backup: string
let saved: Snapshot
beforeEach(async () => {
  t = tempLibrary()
  fillSampleData(t.lib)
  backup = await takeBackup(t.lib)
  saved = snapshot(t.lib.db)
  // Work done after the backup, which a restore must keep aside rather than destroy.
  t.lib.write(() => t.lib.setSetting('theme', 'after-backup'))
})
afterEach(() => t.dispose())

const settingOf = (path: string): unknown => {
  const db = new Database(path, { readonly: true })
  try {
    return (db.prepare("SELECT value FROM settings WHERE key = 'theme'").get() as { value: string }).value
  } finally {
    db.close()
  }
}

/** Another process with the library open (the app, a server), optionally after running `then`. */
function holdOpen(path: string, then = '') {
  const sqlite = createRequire(import.meta.url).resolve('better-sqlite3')
  const child = spawn(process.execPath, [
    '-e',
    `const D = require(${JSON.stringify(sqlite)}); const d = new D(${JSON.stringify(path)}); d.pragma('journal_mode = WAL');
     d.prepare('SELECT count(*) FROM articles').get(); ${then}; process.stdout.write('open\\n'); setInterval(() => {}, 1000)`
  ])
  return {
    ready: new Promise((ok) => child.stdout.once('data', ok)),
    exited: new Promise((ok) => child.once('exit', ok)),
    kill: () => child.kill('SIGKILL')
  }
}

/** `scholia serve` (everything after the UI build) in another process, idle once it has printed its address. */
function serveInChild(path: string) {
  const module = JSON.stringify(new URL('../../cli/serve.ts', import.meta.url).href)
  const ui = JSON.stringify(t.dir)
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', `import(${module}).then((m) => m.serveLibrary({ db: ${JSON.stringify(path)}, json: true }, ${ui}, 0))`],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] }
  )
  return {
    pid: child.pid!,
    ready: new Promise((ok) => child.stdout.once('data', ok)),
    exited: new Promise((ok) => child.once('exit', ok)),
    stop: () => child.kill('SIGTERM')
  }
}

describe('restoring a backup', () => {
  it('brings back every article, note, highlight and tag, and keeps the replaced library aside', () => {
    t.lib.close()
    const r = restoreLibrary(backup, t.path, new Date('2024-05-01T12:00:00Z'))
    expect(r.movedAside).toBe(`${t.path}.before-restore-2024-05-01T12-00-00-000Z`)
    expect(r.articles).toBe(2)
    const lib = Library.open(t.path)
    expect(snapshot(lib.db)).toEqual(saved)
    lib.close()
    expect(settingOf(r.movedAside!)).toBe('after-backup')
    // The backup is left as it was, without side files next to it.
    expect(readdirSync(dirname(backup)).filter((f) => f.startsWith(basename(backup)) && f !== basename(backup))).toEqual([])
  })

  it('keeps the last writes of a crashed app (still only in its write-ahead log) in the library moved aside', async () => {
    const copy = join(t.dir, 'crashed.db')
    t.lib.db.exec(`VACUUM INTO '${copy}'`)
    const crashed = holdOpen(copy, "d.pragma('wal_autocheckpoint = 0'); d.exec(\"UPDATE settings SET value = 'only-in-wal' WHERE key = 'theme'\")")
    await crashed.ready
    crashed.kill()
    await crashed.exited
    expect(readFileSync(`${copy}-wal`).length).toBeGreaterThan(0)
    const r = restoreLibrary(backup, copy)
    expect(existsSync(`${copy}-wal`)).toBe(false)
    expect(settingOf(copy)).toBe('dark')
    expect(settingOf(r.movedAside!)).toBe('only-in-wal')
  })

  it('restores a library whose last writes are still in its write-ahead log (one kept aside by an earlier restore) with those writes', async () => {
    const aside = join(t.dir, 'kept-aside.db')
    t.lib.db.exec(`VACUUM INTO '${aside}'`)
    const crashed = holdOpen(aside, "d.pragma('wal_autocheckpoint = 0'); d.exec(\"UPDATE settings SET value = 'only-in-wal' WHERE key = 'theme'\")")
    await crashed.ready
    crashed.kill()
    await crashed.exited
    expect(readFileSync(`${aside}-wal`).length).toBeGreaterThan(0)
    t.lib.close()
    restoreLibrary(aside, t.path)
    expect(readdirSync(t.dir).filter((f) => f.includes('.restoring-'))).toEqual([])
    expect(existsSync(`${t.path}-wal`)).toBe(false)
    expect(settingOf(t.path)).toBe('only-in-wal')
  })

  it('restores over a damaged library that no longer opens, and the damaged file is kept byte for byte', () => {
    t.lib.close()
    const bytes = readFileSync(t.path)
    bytes.fill(0x5a, 100, 4096)
    writeFileSync(t.path, bytes)
    // What the app, `scholia serve` and every CLI command say when the library will not open.
    expect(() => Library.open(t.path)).toThrow(`restore the latest backup with: scholia restore ${backup} --db ${t.path}`)
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true)
    try {
      expect(restoreCommand(backup, { db: t.path })).toBe(0)
      expect(String(stdout.mock.calls[0][0])).toMatch(/^restored .* \(2 article\(s\), schema v1\)\nthe previous library was kept as /)
    } finally {
      stdout.mockRestore()
    }
    const aside = readdirSync(t.dir).find((f) => f.startsWith('library.db.before-restore-'))!
    expect(readFileSync(join(t.dir, aside)).equals(bytes)).toBe(true)
    const lib = Library.open(t.path)
    expect(snapshot(lib.db)).toEqual(saved)
    lib.close()
  })

  it('restores onto a machine with no library yet', () => {
    const fresh = join(t.dir, 'new.db')
    const r = restoreLibrary(backup, fresh)
    expect(r.movedAside).toBeNull()
    expect(settingOf(fresh)).toBe('dark')
  })

  it('refuses while the app or a server has the library open, and changes nothing', async () => {
    t.lib.close()
    const holder = holdOpen(t.path)
    try {
      await holder.ready
      expect(() => restoreLibrary(backup, t.path)).toThrow(/open in another Scholia process .* close it, then restore again/)
      expect(settingOf(t.path)).toBe('after-backup')
    } finally {
      holder.kill()
    }
  })

  it('refuses while an idle scholia serve has the library open, naming it; restores once it has stopped', async () => {
    t.lib.close()
    const server = serveInChild(t.path)
    try {
      await server.ready
      expect(() => restoreLibrary(backup, t.path)).toThrow(
        new RegExp(`is open in scholia serve \\(process ${server.pid}, since .*\\) — close it, then restore again`)
      )
      expect(settingOf(t.path)).toBe('after-backup')
    } finally {
      server.stop()
    }
    await server.exited
    expect(libraryHolders(t.path)).toEqual([])
    expect(restoreLibrary(backup, t.path).articles).toBe(2)
  }, 60_000)

  it('refuses while a Scholia process has marked the library open even when it holds no SQLite lock (a network share)', () => {
    t.lib.close()
    const held = markLibraryOpen(t.path, 'the Scholia app')
    try {
      expect(() => restoreLibrary(backup, t.path)).toThrow(`is open in the Scholia app (process ${process.pid}`)
      expect(() => restoreLibrary(backup, join(t.dir, 'elsewhere.db'))).not.toThrow()
    } finally {
      held.release()
    }
    expect(restoreLibrary(backup, t.path).articles).toBe(2)
  })

  it('ignores and removes the mark left by a Scholia process that crashed', async () => {
    t.lib.close()
    const gone = spawn(process.execPath, ['-e', ''])
    const pid = gone.pid!
    await new Promise((ok) => gone.once('exit', ok))
    const stale = `${t.path}.open-${hostname()}-${pid}`
    writeFileSync(stale, JSON.stringify({ pid, host: hostname(), what: 'scholia serve', since: '2024-05-01T12:00:00.000Z' }))
    // Not a marker: another library whose name happens to start like one.
    writeFileSync(`${t.path}.open-copy.db`, 'SQLite format 3\0')
    expect(restoreLibrary(backup, t.path).articles).toBe(2)
    expect(existsSync(stale)).toBe(false)
  })

  it('the command line works beside the running app: only restore minds the mark', async () => {
    const held = markLibraryOpen(t.path, 'the Scholia app')
    try {
      const list = await runCli(['list', '--db', t.path, '--json'])
      expect(list.code, list.stderr).toBe(0)
      const id = (jsonLines(list.stdout)[0] as { id: string }).id
      expect((await runCli(['tag', id, '--add', 'beside/app', '--db', t.path])).code).toBe(0)
      expect((await runCli(['backup', join(t.dir, 'beside.db'), '--db', t.path])).code).toBe(0)
      expect((await runCli(['check', '--db', t.path])).code).toBe(0)
      const refused = await runCli(['restore', backup, '--db', t.path])
      expect(refused.code).toBe(1)
      expect(refused.stderr).toMatch(/^error: .* is open in the Scholia app .* close it, then restore again/)
    } finally {
      held.release()
    }
  })

  it('refuses files that are not an intact Scholia library, leaving the library as it was', () => {
    const notSqlite = join(t.dir, 'notes.txt')
    writeFileSync(notSqlite, 'hello')
    const foreign = join(t.dir, 'foreign.db')
    new Database(foreign).exec('CREATE TABLE contacts(name)')
    const future = join(t.dir, 'future.db')
    t.lib.db.exec(`VACUUM INTO '${future}'`)
    const f = new Database(future)
    f.pragma(`user_version = ${LATEST_VERSION + 1}`)
    f.close()
    const damaged = join(t.dir, 'damaged.db')
    const bytes = readFileSync(backup)
    bytes.fill(0x00, 4096 * 2, 4096 * 4)
    writeFileSync(damaged, bytes)

    expect(() => restoreLibrary(join(t.dir, 'missing.db'), t.path)).toThrow(/does not exist/)
    expect(() => restoreLibrary(notSqlite, t.path)).toThrow(/not a Scholia backup/)
    expect(() => restoreLibrary(foreign, t.path)).toThrow(/not a Scholia library/)
    expect(() => restoreLibrary(future, t.path)).toThrow(/newer Scholia/)
    expect(() => restoreLibrary(damaged, t.path)).toThrow(/damaged .* pick an older backup/)
    expect(() => restoreLibrary(t.path, t.path)).toThrow(/is the library itself/)
    t.lib.close()
    expect(settingOf(t.path)).toBe('after-backup')
  })
})
