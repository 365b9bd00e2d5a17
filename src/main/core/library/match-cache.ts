import type { Library } from '../library'
import { DRIVE_LIMIT } from './tag-conditions'
import { libraryVersion } from './version'

/**
 * A library page filtered by a common word ("security": 40,000 articles) would
 * otherwise re-run the full-text query and rebuild its 40,000-row match list for
 * every page. The matches of the last such query are kept in a temp table
 * while nothing in the library changes, and pages walk the sort index checking
 * each row against it — a primary-key probe, not an FTS5 query per row.
 */
const cached = new WeakMap<Library, { match: string; version: string }>()

/** True when a MATCH expression finds at least DRIVE_LIMIT articles (counting stops there). */
function isLarge(lib: Library, match: string): boolean {
  const n = lib.db
    .prepare('SELECT count(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)')
    .pluck()
    .get(match, DRIVE_LIMIT) as number
  return n >= DRIVE_LIMIT
}

/**
 * The condition "article `a` matches `match`" for a page query: an IN list
 * SQLite can drive from when the matches are few, or a per-row probe of the
 * cached match set when they are many.
 */
export function pageMatchCondition(lib: Library, match: string): { sql: string; params: unknown[] } {
  if (!isLarge(lib, match)) return { sql: 'a.rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)', params: [match] }
  const c = cached.get(lib)
  if (!c || c.match !== match || c.version !== libraryVersion(lib)) {
    lib.db.exec('CREATE TEMP TABLE IF NOT EXISTS page_matches(rowid INTEGER PRIMARY KEY)')
    lib.db.exec('DELETE FROM temp.page_matches')
    lib.db.prepare('INSERT INTO temp.page_matches(rowid) SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').run(match)
    cached.set(lib, { match, version: libraryVersion(lib) })
  }
  return { sql: 'EXISTS (SELECT 1 FROM temp.page_matches m WHERE m.rowid = a.rowid)', params: [] }
}
