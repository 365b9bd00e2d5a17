import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { listBackups } from '../maintenance/backup-files'
import { SCHEMA_V1 } from './schema-v1'

// A pretend v2 so the upgrade path of openDatabase runs today, while v1 is the only real schema.
vi.mock('./migrations', async (original) => {
  const real = await original<typeof import('./migrations')>()
  const v2 = [...real.MIGRATIONS, { version: 2, up: (db: Database.Database) => db.exec("ALTER TABLE articles ADD COLUMN pretend TEXT NOT NULL DEFAULT ''") }]
  return { ...real, MIGRATIONS: v2, LATEST_VERSION: 2, migrate: (db: Database.Database) => real.migrate(db, v2) }
})

const { openDatabase } = await import('./open')

let dir: string
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'scholia-premig-'))))
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function makeV1(path: string): void {
  const db = new Database(path)
  db.exec(SCHEMA_V1)
  db.exec("INSERT INTO settings(key, value) VALUES ('theme', 'dark')")
  db.pragma('user_version = 1')
  db.close()
}

describe('upgrading a library', () => {
  it('saves a backup of the old version before migrating, by default', () => {
    const path = join(dir, 'library.db')
    makeV1(path)
    const { db } = openDatabase(path)
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    db.close()
    const [b] = listBackups(path)
    expect(b.reason).toBe('before-migration-v1')
    const copy = new Database(b.path, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'theme'").get()).toEqual({ value: 'dark' })
    copy.close()
  })

  it('does not migrate when the backup cannot be written, and says why', () => {
    const path = join(dir, 'library.db')
    makeV1(path)
    const failing = () => {
      throw new Error('disk full')
    }
    expect(() => openDatabase(path, { beforeMigrate: failing })).toThrow('disk full')
    const db = new Database(path, { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    db.close()
  })

  it('opening read-only neither migrates nor backs up', () => {
    const path = join(dir, 'library.db')
    makeV1(path)
    openDatabase(path, { readonly: true }).db.close()
    expect(listBackups(path)).toHaveLength(0)
  })
})
