/**
 * Everything a user made in a library, as plain data, for "nothing was lost"
 * assertions after a backup, restore, migration or kill. Full-text indexes are
 * left out (they are derived; `checkLibrary` checks them against their tables).
 */
import type { Database } from 'better-sqlite3'

export type Snapshot = Record<string, { columns: string[]; rows: unknown[][] }>

function userTables(db: Database): string[] {
  return (
    db
      .prepare(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE '%_fts_%' ORDER BY name`
      )
      .all() as { name: string }[]
  ).map((r) => r.name)
}

function columnsOf(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((r) => r.name)
}

/**
 * Rows of every table, sorted. With `shape` (an older snapshot), reads only the
 * tables and columns that snapshot has, so a newer schema that added columns still
 * compares equal when the old data is intact.
 */
export function snapshot(db: Database, shape?: Snapshot): Snapshot {
  const out: Snapshot = {}
  for (const table of shape ? Object.keys(shape) : userTables(db)) {
    const columns = shape ? shape[table].columns : columnsOf(db, table)
    const list = columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ')
    const rows = db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all() as unknown[][]
    out[table] = { columns, rows }
  }
  return out
}
