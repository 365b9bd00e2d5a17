import { describe, expect, it } from 'vitest'
import { LibraryFilter } from '../../../shared/api/library'
import { listArticles } from '../articles/list'
import { Library } from '../library'
import { addArticle } from '../library/test-articles'
import { useTempLibrary } from '../testing/temp-library'
import { SORT_INDEXES_V1 } from './schema-v1'
import { upgradeSortIndexes } from './sort-indexes'

const t = useTempLibrary()

/** The sort indexes as a library made before they carried the filter columns had them. */
const NARROW = [
  'CREATE INDEX articles_added ON articles(imported_at, rowid)',
  "CREATE INDEX articles_published ON articles(ifnull(published, ''), rowid)",
  'CREATE INDEX articles_title ON articles(title COLLATE NOCASE, rowid)',
  "CREATE INDEX articles_last_read ON articles(ifnull(last_read_at, ''), rowid)"
]

const indexSql = (lib: Library, name: string) =>
  lib.db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?").pluck().get(name)

describe('sort indexes of an unreleased-v1 library', () => {
  it('a library made with the older, narrower sort indexes gets the current ones when opened, and keeps its articles in order', () => {
    for (const title of ['b', 'a', 'c']) addArticle(t.lib, { title, tags: ['topic/x'] })
    t.lib.db.exec(NARROW.map((sql) => `DROP INDEX ${/INDEX (\w+)/.exec(sql)![1]}; ${sql};`).join('\n'))
    t.lib.close()

    const lib = Library.open(t.path)
    try {
      for (const i of SORT_INDEXES_V1) expect(indexSql(lib, i.name)).toBe(i.sql)
      const page = listArticles(lib, { sort: 'title', desc: false, cursor: null, limit: 10, filter: LibraryFilter.parse({ tagsAll: ['topic/x'], archived: false }) })
      expect(page.items.map((a) => a.title)).toEqual(['a', 'b', 'c'])
    } finally {
      lib.close()
    }
  })

  it('a current library is left as it is on open (nothing rebuilt)', () => {
    expect(upgradeSortIndexes(t.lib.db)).toEqual([])
  })

  it('a filtered page walk rejects rows on the sort index alone: the plan reads the table only for rows it returns', () => {
    const plan = t.lib.db
      .prepare(
        `EXPLAIN SELECT a.rowid, a.title FROM articles a WHERE a.deleted_at IS NULL AND a.archived = 0
           AND EXISTS (SELECT 1 FROM article_tag_nodes atn WHERE atn.node = 'x' AND atn.article_rowid = a.rowid)
         ORDER BY a.imported_at DESC, a.rowid DESC LIMIT 100`
      )
      .all() as { addr: number; opcode: string; p1: number; p2: number }[]
    // The table row is positioned lazily (DeferredSeek from the index cursor): it is read only where a column of it is.
    const seek = plan.find((op) => op.opcode === 'DeferredSeek')!
    const nextRow = plan.find((op) => op.opcode === 'Prev' && op.p1 === seek.p1)!.addr
    const lastRejection = Math.max(...plan.filter((op) => op.p2 === nextRow && op.opcode !== 'Goto').map((op) => op.addr))
    const firstTableRead = plan.find((op) => op.opcode === 'Column' && op.p1 === seek.p2)!.addr
    expect(firstTableRead).toBeGreaterThan(lastRejection)
  })
})
