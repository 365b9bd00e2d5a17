import Database from 'better-sqlite3'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './cli/run-cli'
import { DIGEST_FILE, tempLibraryPath } from './core/testing/temp-library'

let dir: string
let db: string
let dispose: () => void
beforeEach(() => {
  ;({ dir, path: db, dispose } = tempLibraryPath())
})
afterEach(() => dispose())

describe('scholia import / list', () => {
  it('imports the news digest into a fresh library and lists its six articles', async () => {
    const imp = await runCli(['import', DIGEST_FILE, '--db', db, '--json'])
    expect(imp.code).toBe(0)
    const imported = jsonLines(imp.stdout)
    expect(imported).toHaveLength(6)
    for (const line of imported) {
      expect(line).toMatchObject({ file: DIGEST_FILE, status: 'created' })
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['file', 'id', 'title', 'author', 'published']))
    }
    const interview = imported.find((l) => String(l.title).startsWith('Stanislav Zas'))
    expect(interview).toMatchObject({ author: 'Nikita Vyatchanin', published: '2022-05-30' })

    const list = await runCli(['list', '--db', db, '--json'])
    expect(list.code).toBe(0)
    const listed = jsonLines(list.stdout)
    expect(listed.map((l) => l.id).sort()).toEqual(imported.map((l) => l.id).sort())
    for (const l of listed) expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'title', 'author', 'published', 'tags', 'annotations']))
  })

  it('reports a re-import of the same file as duplicates, creating nothing', async () => {
    await runCli(['import', DIGEST_FILE, '--db', db, '--json'])
    const again = await runCli(['import', DIGEST_FILE, '--db', db, '--json'])
    expect(again.code).toBe(0)
    expect(jsonLines(again.stdout).map((l) => l.status)).toEqual(Array(6).fill('duplicate'))
    expect(jsonLines((await runCli(['list', '--db', db, '--json'])).stdout)).toHaveLength(6)
  })

  it('tags imported articles with --tag', async () => {
    await runCli(['import', DIGEST_FILE, '--db', db, '--tag', 'region/kazakhstan', '--tag', 'csto'])
    const listed = jsonLines((await runCli(['list', '--db', db, '--json'])).stdout)
    for (const l of listed) expect(l.tags).toEqual(['csto', 'region/kazakhstan'])
  })

  it('keeps going past a bad file, reports it on one line and exits 1', async () => {
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const r = await runCli(['import', empty, join(dir, 'missing.txt'), DIGEST_FILE, '--db', db, '--json'])
    expect(r.code).toBe(1)
    const lines = jsonLines(r.stdout)
    const errors = lines.filter((l) => 'error' in l)
    expect(errors).toHaveLength(2)
    for (const e of errors) expect(String(e.error)).not.toContain('\n')
    expect(errors[0]).toMatchObject({ file: empty })
    expect(lines.filter((l) => l.status === 'created')).toHaveLength(6)
  })

  it('refuses an unknown command or option with a one-line hint and exit 2', async () => {
    for (const args of [['frobnicate'], ['list', '--frob']]) {
      const r = await runCli(args)
      expect(r.code).toBe(2)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toMatch(/scholia --help/)
    }
  })

  it('refuses a --db in a missing folder without creating anything', async () => {
    const r = await runCli(['list', '--db', join(dir, 'nope', 'library.db')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: folder .*nope does not exist/)
    expect(existsSync(join(dir, 'nope'))).toBe(false)
  })

  it('never replaces a foreign file at the library path', async () => {
    writeFileSync(db, 'not a database')
    const r = await runCli(['import', DIGEST_FILE, '--db', db])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/not a Scholia library/)
    expect(readFileSync(db, 'utf8')).toBe('not a database')
  })
})

describe('scholia check / backup', () => {
  it('checks a healthy library and backs it up to a consistent copy', async () => {
    await runCli(['import', DIGEST_FILE, '--db', db])
    const check = await runCli(['check', '--db', db, '--json'])
    expect(check.code).toBe(0)
    expect(JSON.parse(check.stdout)).toEqual({ ok: true, problems: [] })

    const out = join(dir, 'backup.db')
    const backup = await runCli(['backup', out, '--db', db])
    expect(backup.code).toBe(0)
    const copy = new Database(out, { readonly: true })
    expect((copy.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(6)
    copy.close()
    expect((await runCli(['check', '--db', out])).code).toBe(0)
  })

  it('refuses to overwrite an existing backup file', async () => {
    await runCli(['import', DIGEST_FILE, '--db', db])
    const out = join(dir, 'exists.db')
    writeFileSync(out, 'keep me')
    const r = await runCli(['backup', out, '--db', db])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/already exists/)
    expect(readFileSync(out, 'utf8')).toBe('keep me')
  })

  it('finds an article whose search index entry went missing', async () => {
    await runCli(['import', DIGEST_FILE, '--db', db])
    const raw = new Database(db)
    raw.prepare('DELETE FROM articles_fts WHERE rowid = (SELECT min(rowid) FROM articles)').run()
    raw.close()
    const r = await runCli(['check', '--db', db])
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/articles_fts: 1 row\(s\) of articles not indexed/)
  })
})
