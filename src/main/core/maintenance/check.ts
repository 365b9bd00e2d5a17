import type { Library } from '../library'
import { checkTagNodes } from '../tags/nodes'

export interface CheckReport {
  ok: boolean
  problems: string[]
}

const INDEXES = [
  { fts: 'articles_fts', table: 'articles' },
  { fts: 'annotations_fts', table: 'annotations' }
] as const

/**
 * SQLite's own integrity check plus agreement of every full-text index with its
 * table. Safe on a connection that has been open while other processes wrote.
 */
export function checkLibrary(lib: Library): CheckReport {
  const problems: string[] = []
  // FTS5's own check first: it is a write statement, so FTS5 rereads each index's
  // layout from the file. PRAGMA integrity_check does not (SQLite 3.53): on a
  // connection that searched before another process rewrote an index, it reads
  // the stale layout and reports "corruption found reading blob" that is not there.
  for (const { fts } of INDEXES) {
    try {
      lib.db.prepare(`INSERT INTO ${fts}(${fts}) VALUES ('integrity-check')`).run()
    } catch (e) {
      problems.push(`${fts}: ${(e as Error).message}`)
    }
  }
  const rows = lib.db.pragma('integrity_check') as { integrity_check: string }[]
  for (const r of rows) if (r.integrity_check !== 'ok') problems.push(`integrity: ${r.integrity_check}`)
  const fk = lib.db.pragma('foreign_key_check') as unknown[]
  if (fk.length > 0) problems.push(`foreign keys: ${fk.length} dangling reference(s)`)
  for (const { fts, table } of INDEXES) {
    const missing = (lib.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL AND rowid NOT IN (SELECT rowid FROM ${fts})`).get() as { n: number }).n
    const extra = (lib.db.prepare(`SELECT count(*) AS n FROM ${fts} WHERE rowid NOT IN (SELECT rowid FROM ${table})`).get() as { n: number }).n
    if (missing) problems.push(`${fts}: ${missing} row(s) of ${table} not indexed`)
    if (extra) problems.push(`${fts}: ${extra} index entr(ies) without a row in ${table}`)
  }
  const noContent = (
    lib.db.prepare('SELECT count(*) AS n FROM articles WHERE rowid NOT IN (SELECT article_rowid FROM article_content)').get() as { n: number }
  ).n
  if (noContent) problems.push(`articles: ${noContent} article(s) without content (half-imported)`)
  problems.push(...checkTagNodes(lib))
  return { ok: problems.length === 0, problems }
}
