import type { Database as DB } from 'better-sqlite3'
import { SORT_INDEXES_V1 } from './schema-v1'

/**
 * Brings a library's sort indexes to their current definition (SORT_INDEXES_V1):
 * schema v1 is unreleased and these indexes grew filter columns after libraries
 * had been made with it. Each stale index is dropped and rebuilt (about a second
 * per 100,000 articles, once); a current library costs one read of the schema.
 * Returns the names rebuilt.
 */
export function upgradeSortIndexes(db: DB): string[] {
  // Only v1 has these definitions; a later version's migrations own its indexes.
  if (db.pragma('user_version', { simple: true }) !== 1) return []
  const stored = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck()
  const stale = SORT_INDEXES_V1.filter((i) => stored.get(i.name) !== i.sql)
  if (stale.length === 0) return []
  db.transaction(() => {
    for (const i of stale) {
      db.exec(`DROP INDEX IF EXISTS ${i.name}`)
      db.exec(i.sql)
    }
  }).immediate()
  return stale.map((i) => i.name)
}
