import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LATEST_VERSION, migrate, schemaVersion, type Migration } from './migrations'
import { openDatabase } from './open'

let dir: string
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scholia-open-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('opening a library', () => {
  it('creates a new library at the latest schema in WAL mode with foreign keys on', () => {
    const { db, created } = openDatabase(join(dir, 'library.db'))
    expect(created).toBe(true)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name)
    expect(tables).toEqual(expect.arrayContaining(['articles', 'article_content', 'annotations', 'tags', 'article_tags', 'annotation_tags', 'articles_fts', 'annotations_fts']))
    db.close()
  })

  it('reopens an existing library without recreating it', () => {
    const path = join(dir, 'library.db')
    openDatabase(path).db.close()
    const again = openDatabase(path)
    expect(again.created).toBe(false)
    again.db.close()
  })

  it('refuses a file that is not SQLite and leaves it untouched', () => {
    const path = join(dir, 'notes.db')
    writeFileSync(path, 'my precious notes, not a database')
    expect(() => openDatabase(path)).toThrow(/not a Scholia library \(not an SQLite database\)/)
    expect(readFileSync(path, 'utf8')).toBe('my precious notes, not a database')
  })

  it('refuses an SQLite database of another application', () => {
    const path = join(dir, 'other.db')
    const other = new Database(path)
    other.exec('CREATE TABLE contacts (name TEXT)')
    other.close()
    expect(() => openDatabase(path)).toThrow(/SQLite database but not a Scholia library/)
  })

  it('refuses a library made by a newer version, naming the versions', () => {
    const path = join(dir, 'future.db')
    const future = new Database(path)
    future.pragma(`user_version = ${LATEST_VERSION + 1}`)
    future.close()
    expect(() => openDatabase(path)).toThrow(new RegExp(`newer Scholia \\(schema v${LATEST_VERSION + 1}; this version knows up to v${LATEST_VERSION}\\)`))
  })

  it('refuses a missing folder for an explicit path and creates it for the default one', () => {
    expect(() => openDatabase(join(dir, 'nope', 'library.db'))).toThrow(/folder .*nope does not exist/)
    const { db } = openDatabase(join(dir, 'made', 'library.db'), { createFolder: true })
    db.close()
  })

  it('refuses a damaged library and never overwrites it', () => {
    const path = join(dir, 'library.db')
    openDatabase(path).db.close()
    const bytes = readFileSync(path)
    bytes.fill(0x5a, 100, 4096) // scribble over the schema page, keep the header
    writeFileSync(path, bytes)
    rmSync(`${path}-wal`, { force: true })
    expect(() => openDatabase(path)).toThrow(/damaged|not a Scholia library/)
    expect(readFileSync(path).equals(bytes)).toBe(true)
  })
})

describe('migrations', () => {
  it('run each step in its own transaction and stop at a failing one, keeping the last good version', () => {
    const db = new Database(':memory:')
    const steps: Migration[] = [
      { version: 1, up: (d) => d.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        up: (d) => {
          d.exec('CREATE TABLE b (y)')
          throw new Error('boom')
        }
      }
    ]
    expect(() => migrate(db, steps)).toThrow('boom')
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'b'").get()).toEqual({ n: 0 })
  })
})
