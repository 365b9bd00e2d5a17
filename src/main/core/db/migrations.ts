import type { Database } from 'better-sqlite3'
import { SCHEMA_V1 } from './schema-v1'

export interface Migration {
  /** The schema version this migration produces. */
  version: number
  up(db: Database): void
}

/** Every schema the app has shipped, in order. Append; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [{ version: 1, up: (db) => db.exec(SCHEMA_V1) }]

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Brings the database to LATEST_VERSION, one migration per transaction so that a
 * crash mid-way leaves the library at the last version that fully applied.
 */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  let current = schemaVersion(db)
  for (const m of migrations) {
    if (m.version <= current) continue
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${m.version}`)
    })()
    current = m.version
  }
  return current
}
