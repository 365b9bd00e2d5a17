/**
 * Every released schema version has a fixture library (made by
 * scripts/make-fixture-db.ts with the code of that version). Each is upgraded to
 * the latest schema here, exactly as the app would upgrade a user's library, and
 * must come out with every row it had, a schema equal to a fresh library's, clean
 * indexes, and working search.
 */
import Database from 'better-sqlite3'
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { listBackups } from '../maintenance/backup-files'
import { normalizeForIndex } from '../search-text'
import { snapshot } from '../testing/snapshot'
import { LATEST_VERSION, MIGRATIONS } from './migrations'

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.db$/.test(f))
  .sort((a, b) => parseInt(a.slice(1)) - parseInt(b.slice(1)))
const work = mkdtempSync(join(tmpdir(), 'scholia-fixtures-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The schema as SQLite stores it, whitespace-normalised, for comparing two libraries. */
function schemaOf(db: Database.Database): string[] {
  return (db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string
    name: string
    sql: string | null
  }[]).map((r) => `${r.type} ${r.name}: ${(r.sql ?? '').replace(/\s+/g, ' ')}`)
}

function freshSchema(): string[] {
  const lib = Library.open(join(work, 'fresh.db'))
  try {
    return schemaOf(lib.db)
  } finally {
    lib.close()
  }
}

describe('upgrading libraries made by every released version', () => {
  it('has a fixture for every schema version', () => {
    expect(fixtures, 'run `npx tsx scripts/make-fixture-db.ts` when releasing a schema version').toEqual(MIGRATIONS.map((m) => `v${m.version}.db`))
  })

  it.each(fixtures)('%s opens at the latest version with every article, note, highlight, tag and setting intact', (name) => {
    const path = join(work, name)
    copyFileSync(join(FIXTURES, name), path)
    const made = parseInt(name.slice(1))
    const before = new Database(path, { readonly: true })
    const old = snapshot(before)
    expect(before.pragma('user_version', { simple: true })).toBe(made)
    before.close()

    const lib = Library.open(path)
    try {
      expect(lib.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
      expect(snapshot(lib.db, old)).toEqual(old)
      expect(
        schemaOf(lib.db),
        made === LATEST_VERSION
          ? `schema v${made} changed since its fixture was made — if v${made} is unreleased, regenerate it with \`npx tsx scripts/make-fixture-db.ts --force\`; if it is released, add a migration instead`
          : 'an upgraded library must end with the same schema as a new one'
      ).toEqual(freshSchema())
      expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
      // Cyrillic search through the upgraded index, with ё folded as the app folds it.
      const hits = lib.db
        .prepare('SELECT a.title FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH ?')
        .all(normalizeForIndex('учёные')) as { title: string }[]
      expect(hits.map((h) => h.title)).toEqual(['Ледники отступают'])
      const notes = lib.db.prepare('SELECT count(*) AS n FROM annotations_fts WHERE annotations_fts MATCH ?').get('мерзлота') as { n: number }
      expect(notes.n).toBe(1)
      if (made < LATEST_VERSION) expect(listBackups(path).map((b) => b.reason)).toEqual([`before-migration-v${made}`])
    } finally {
      lib.close()
    }
  })
})
