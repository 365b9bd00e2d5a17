import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAnnotation } from '../annotations/create'
import { deleteAnnotation } from '../annotations/delete'
import { Library } from '../library'
import { readArticles } from './rows'
import { fillExportFixture } from './test-library'

let dir: string
let lib: Library
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-export-rows-'))
  lib = Library.open(join(dir, 'library.db'))
})
afterEach(() => {
  lib.close()
  rmSync(dir, { recursive: true, force: true })
})

/** The reading order as SQL states it: live first, anchored before orphans, then position, creation time, rowid. */
function sqlOrder(articleId: string, tombstones: boolean): string[] {
  return lib.db
    .prepare(
      `SELECT id FROM annotations WHERE article_id = ? AND (? OR deleted_at IS NULL)
       ORDER BY deleted_at IS NOT NULL, orphaned, start_pos, end_pos, created_at, rowid`
    )
    .pluck()
    .all(articleId, tombstones ? 1 : 0) as string[]
}

describe('articles read for an export', () => {
  it('lists each article’s annotations in reading order: ties by end, time and age; orphans, then tombstones last', () => {
    const ids = fillExportFixture(lib)
    const article = ids.tricky
    const made: string[] = []
    // Same start, different ends; same span at different times; same span and time (rowid decides).
    for (const [start, end, when] of [
      [5, 9, '2024-05-01T00:00:00.000Z'], [5, 7, '2024-05-02T00:00:00.000Z'], [5, 7, '2024-05-01T00:00:00.000Z'],
      [0, 3, '2024-05-03T00:00:00.000Z'], [0, 3, '2024-05-03T00:00:00.000Z'], [20, 25, '2024-05-01T00:00:00.000Z']
    ] as const)
      made.push(createAnnotation(lib, { articleId: article, start, end, color: 'green', note: '', tags: [] }, when).id)
    deleteAnnotation(lib, made[0], '2024-06-01T00:00:00.000Z')
    deleteAnnotation(lib, made[3], '2024-06-01T00:00:00.000Z')
    lib.db.prepare('UPDATE annotations SET orphaned = 1 WHERE id IN (?, ?)').run(made[1], made[5])

    for (const tombstones of [false, true]) {
      const rowids = lib.db.prepare('SELECT rowid FROM articles ORDER BY rowid DESC').pluck().all() as number[]
      const read = [...readArticles(lib, rowids, { annotations: true, tombstones, html: false })].flat()
      expect(read.map((a) => a.rowid)).toEqual(rowids)
      for (const a of read) expect(a.annotations.map((n) => n.id), a.title).toEqual(sqlOrder(a.id, tombstones))
      const tricky = read.find((a) => a.id === article)!
      expect(tricky.annotations.some((n) => n.orphaned)).toBe(true)
      expect(tricky.annotations.some((n) => n.deletedAt !== null)).toBe(tombstones)
    }
  })
})
