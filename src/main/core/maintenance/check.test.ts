import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../library'
import { fillSampleData } from '../testing/sample-data'
import { tempLibrary, type TempLibrary } from '../testing/temp-library'
import { checkLibrary } from './check'

/** Search index churn that leaves the index's content as it was, but rewrites its segments. */
const CHURN = 2_000

let t: TempLibrary
beforeEach(() => {
  t = tempLibrary()
  fillSampleData(t.lib)
})
afterEach(() => t.dispose())

describe('checking a library', () => {
  it('a healthy library checks clean', () => {
    expect(checkLibrary(t.lib)).toEqual({ ok: true, problems: [] })
  })

  it('reports no false damage when another process rewrote the search index while this one had the library open (the app beside the CLI)', () => {
    // This connection has used the index (a search), so SQLite keeps its layout in memory.
    t.lib.db.prepare("SELECT count(*) FROM annotations_fts WHERE annotations_fts MATCH 'thousand'").get()
    const other = Library.open(t.path)
    const add = other.db.prepare('INSERT INTO annotations_fts(rowid, exact, note) VALUES (?, ?, ?)')
    const remove = other.db.prepare('DELETE FROM annotations_fts WHERE rowid = ?')
    other.write(() => {
      for (let i = 0; i < CHURN; i++) {
        add.run(1_000_000 + i, `churn ${i}`, 'temporary')
        if (i % 2 === 1) remove.run(1_000_000 + i - 1)
        if (i % 2 === 1) remove.run(1_000_000 + i)
      }
    })
    other.db.prepare("INSERT INTO annotations_fts(annotations_fts) VALUES ('optimize')").run()
    other.close()
    expect(checkLibrary(t.lib)).toEqual({ ok: true, problems: [] })
  })

  it('reports a search index that disagrees with its table', () => {
    t.lib.write(() => t.lib.db.prepare('DELETE FROM annotations_fts WHERE rowid = (SELECT min(rowid) FROM annotations WHERE deleted_at IS NULL)').run())
    expect(checkLibrary(t.lib).problems).toEqual(['annotations_fts: 1 row(s) of annotations not indexed'])
  })
})
