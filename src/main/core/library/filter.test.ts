import { describe, expect, it } from 'vitest'
import { LibraryFilter, type LibraryFilterInput } from '../../../shared/api/library'
import { useTempLibrary } from '../testing/temp-library'
import { liveArticle, TRASH_BY_ROWID_LIMIT } from './dead'
import { filterWhere } from './filter'
import { addArticle } from './test-articles'

const t = useTempLibrary()

interface Op {
  addr: number
  opcode: string
  p1: number
  p2: number
}

/**
 * The bytecode of a page query walking the "added" index: where it first reads
 * a column of the article row, and where its last check that skips to the next
 * index entry is. SQLite positions the row lazily (DeferredSeek), so a row is
 * read only if the checks before its first column read let the entry through.
 */
function walk(f: LibraryFilterInput): { firstRowRead: number; lastSkip: number } {
  const w = filterWhere(LibraryFilter.parse(f), -1, t.lib)
  const plan = t.lib.db
    .prepare(`EXPLAIN SELECT a.rowid, a.title FROM articles a WHERE ${w.sql} ORDER BY a.imported_at DESC, a.rowid DESC LIMIT 100`)
    .all(...w.params) as Op[]
  const seek = plan.find((op) => op.opcode === 'DeferredSeek')
  if (!seek) throw new Error(`no index walk in the plan:\n${plan.map((op) => `${op.addr} ${op.opcode}`).join('\n')}`)
  const nextEntry = plan.find((op) => op.opcode === 'Prev' && op.p1 === seek.p1)!.addr
  return {
    firstRowRead: plan.find((op) => op.opcode === 'Column' && op.p1 === seek.p2)!.addr,
    lastSkip: Math.max(...plan.filter((op) => op.p2 === nextEntry && op.opcode !== 'Goto').map((op) => op.addr))
  }
}

describe('library filter on a page walk', () => {
  it('a tag-filtered page reads an article row only for the articles it shows, not for every one it walks past', () => {
    addArticle(t.lib, { title: 'a', tags: ['topic/x'] })
    const { firstRowRead, lastSkip } = walk({ tagsAll: ['topic/x'] })
    expect(firstRowRead).toBeGreaterThan(lastSkip)
  })

  it('with a large trash a page tells live articles from the row instead, and still shows only live ones', () => {
    const live = addArticle(t.lib, { title: 'kept', tags: ['topic/x'] })
    t.lib.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO articles(id, title, format, content_hash, imported_at, updated_at, deleted_at)
         SELECT 'trashed-' || i, 'trashed', 'text', 'h' || i, '2024-01-01', '2024-01-01', '2024-02-01' FROM n`
      )
      .run(TRASH_BY_ROWID_LIMIT)
    expect(liveArticle(t.lib)).toBe('a.deleted_at IS NULL')
    const w = filterWhere(LibraryFilter.parse({}), undefined, t.lib)
    expect(t.lib.db.prepare(`SELECT a.id FROM articles a WHERE ${w.sql}`).pluck().all(...w.params)).toEqual([live.id])
  })
})
