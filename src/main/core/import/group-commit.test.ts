import Database from 'better-sqlite3'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../shared/model'
import { articleCount } from '../articles/repo'
import { checkLibrary } from '../maintenance/check'
import { tempLibrary } from '../testing/temp-library'
import { itemsFromContent, itemsFromPaths } from './items'
import { importItems, POOL_MIN_ITEMS, type ImportItem } from './pipeline'

let t: ReturnType<typeof tempLibrary>
afterEach(() => t?.dispose())

const text = (i: number, extra = '') => `Minutes number ${i}\n\nThe board met and agreed on item ${i}.${extra}\n`
const files = (n: number, poisoned: number[] = []) =>
  Array.from({ length: n }, (_, i) => ({
    name: `m${i}.txt`,
    base64: Buffer.from(text(i, poisoned.includes(i) ? ' poison' : '')).toString('base64')
  }))
const errors = (outcomes: ImportOutcome[]) => outcomes.flatMap((o, i) => ('error' in o ? [i] : []))

describe('articles committed in groups', () => {
  it('an article that fails half-way is rolled back alone and reported; the rest of its group is kept', async () => {
    t = tempLibrary()
    // Fails after the article's metadata row is written, before its content: the savepoint must undo the row.
    t.lib.db.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON main.article_content
      WHEN NEW.text LIKE '%poison%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`)
    const report = await importItems(t.lib, itemsFromContent(files(8, [3, 6])))
    expect(errors(report.outcomes)).toEqual([3, 6])
    expect(report.outcomes[3]).toEqual({ file: 'm3.txt', error: 'm3.txt: unexpected failure (poisoned)' })
    expect(articleCount(t.lib)).toBe(6)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('a group whose commit fails is redone article by article, keeping all but the one at fault', async () => {
    t = tempLibrary()
    // A foreign-key violation checked only at COMMIT fails the whole group's transaction.
    t.lib.db.exec(`CREATE TEMP TRIGGER poison AFTER INSERT ON main.article_content
      WHEN NEW.text LIKE '%poison%' BEGIN INSERT INTO main.article_tags(article_rowid, tag_id) VALUES (NEW.article_rowid, 987654); END`)
    t.lib.db.pragma('defer_foreign_keys = ON')
    const report = await importItems(t.lib, itemsFromContent(files(6, [2])))
    expect(errors(report.outcomes)).toEqual([2])
    expect(articleCount(t.lib)).toBe(5)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('reports each article only once it is committed: another connection already sees it', async () => {
    t = tempLibrary()
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    const n = POOL_MIN_ITEMS * 3
    for (let i = 0; i < n; i++) writeFileSync(join(folder, `m${String(i).padStart(3, '0')}.txt`), text(i))
    const other = new Database(t.path, { readonly: true })
    try {
      const seen = other.prepare('SELECT count(*) AS n FROM articles WHERE id = ?')
      const committed = other.prepare('SELECT count(*) AS n FROM articles')
      const unseen: string[] = []
      let lastDone = 0
      const report = await importItems(t.lib, await itemsFromPaths([folder]), {
        groupMaxArticles: 5,
        onOutcome: (o) => {
          if ('id' in o && (seen.get(o.id) as { n: number }).n !== 1) unseen.push(o.title)
        },
        onProgress: (p) => {
          expect((committed.get() as { n: number }).n).toBeGreaterThanOrEqual(p.done)
          lastDone = p.done
        }
      })
      expect(unseen).toEqual([])
      expect(report.outcomes).toHaveLength(n)
      expect(lastDone).toBe(n)
    } finally {
      other.close()
    }
  })

  it('a duplicate inside the same group is found, as across groups', async () => {
    t = tempLibrary()
    const same = Buffer.from(text(1)).toString('base64')
    const report = await importItems(t.lib, itemsFromContent([{ name: 'a.txt', base64: same }, { name: 'b.txt', base64: same }]))
    expect(report.outcomes.map((o) => ('status' in o ? o.status : o.error))).toEqual(['created', 'duplicate'])
    expect(articleCount(t.lib)).toBe(1)
  })

  it('a new version of an article created earlier in the same group replaces it in the search index too', async () => {
    t = tempLibrary()
    const version = (word: string): ImportItem => ({
      name: `${word}.txt`,
      source: 'https://example.org/minutes',
      load: async () => new TextEncoder().encode(`Minutes of the board\n\nThe board discussed ${word} at length.\n`)
    })
    const report = await importItems(t.lib, [version('zebras'), version('giraffes')])
    expect(report.outcomes.map((o) => ('status' in o ? o.status : o.error))).toEqual(['created', 'updated'])
    const hits = (w: string) => (t.lib.db.prepare('SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH ?').get(w) as { n: number }).n
    expect([hits('zebras'), hits('giraffes')]).toEqual([0, 1])
    expect(checkLibrary(t.lib).problems).toEqual([])
  })
})
