import { describe, expect, it } from 'vitest'
import { LibraryFilter, type LibraryFilterInput } from '../../../shared/api/library'
import { SORTS } from '../../../shared/api/articles'
import { addArticle, highlight } from '../library/test-articles'
import { deleteArticles } from '../library/trash'
import { useTempLibrary } from '../testing/temp-library'
import { bulkTag } from '../library/bulk'
import { DRIVE_LIMIT, planTagDrive } from '../library/tag-conditions'
import { countMatching, listArticles } from './list'

const t = useTempLibrary()

/** Titles of every article the filter shows, walking all pages. */
function shown(filter: LibraryFilterInput = {}, sort: (typeof SORTS)[number] = 'added', desc = true, limit = 2): string[] {
  const out: string[] = []
  let cursor: string | null = null
  do {
    const page = listArticles(t.lib, { sort, desc, cursor, limit, filter: LibraryFilter.parse(filter) })
    out.push(...page.items.map((a) => a.title))
    cursor = page.nextCursor
  } while (cursor)
  return out
}
const sorted = (f: LibraryFilterInput) => shown(f).sort()

function seed() {
  addArticle(t.lib, { title: 'Almaty', tags: ['region/kazakhstan', 'topic/peacekeeping'], published: '2024-05-01', site: 'bbc.co.uk', importedAt: '2024-06-01T00:00:00.000Z' })
  addArticle(t.lib, { title: 'Astana', tags: ['region/kazakhstan'], published: '2023-02-01', read: true, format: 'pdf', importedAt: '2024-06-02T00:00:00.000Z' })
  addArticle(t.lib, { title: 'Kyiv', tags: ['region/ukraine', 'topic'], published: '2022-12-31', archived: true, source: 'https://www.kyivpost.com/x', importedAt: '2024-06-03T00:00:00.000Z' })
  const m = addArticle(t.lib, { title: 'Москва', text: 'Учёные о мерзлоте.', tags: ['Регион/Россия'], importedAt: '2024-06-04T00:00:00.000Z' })
  addArticle(t.lib, { title: 'Untagged', importedAt: '2024-06-05T00:00:00.000Z' })
  highlight(t.lib, m.id, 'мерзлоте')
}

describe('library list', () => {
  it('pages through every article once, in every sort and direction, without OFFSET', () => {
    seed()
    const all = ['Almaty', 'Astana', 'Kyiv', 'Untagged', 'Москва']
    for (const sort of SORTS)
      for (const desc of [true, false]) {
        const titles = shown({}, sort, desc, 2)
        expect(titles.slice().sort(), `${sort} ${desc}`).toEqual(all)
      }
    expect(shown({}, 'added', true)).toEqual(['Untagged', 'Москва', 'Kyiv', 'Astana', 'Almaty'])
    expect(shown({}, 'published', false)).toEqual(['Москва', 'Untagged', 'Kyiv', 'Astana', 'Almaty'])
    expect(shown({}, 'title', false)).toEqual(['Almaty', 'Astana', 'Kyiv', 'Untagged', 'Москва'])
  })

  it('counts matches on the first page only', () => {
    seed()
    const first = listArticles(t.lib, { sort: 'added', desc: true, cursor: null, limit: 2, filter: LibraryFilter.parse({ tagsAll: ['region'] }) })
    expect(first.total).toBe(3)
    const second = listArticles(t.lib, { sort: 'added', desc: true, cursor: first.nextCursor, limit: 2, filter: LibraryFilter.parse({ tagsAll: ['region'] }) })
    expect(second.total).toBeNull()
  })

  it('filters by tags: all, any, none — a parent includes its children, in any case and script', () => {
    seed()
    expect(sorted({ tagsAll: ['region'] })).toEqual(['Almaty', 'Astana', 'Kyiv'])
    expect(sorted({ tagsAll: ['Region/Kazakhstan'] })).toEqual(['Almaty', 'Astana'])
    expect(sorted({ tagsAll: ['region/kazakhstan', 'topic'] })).toEqual(['Almaty'])
    expect(sorted({ tagsAny: ['region/ukraine', 'topic/peacekeeping'] })).toEqual(['Almaty', 'Kyiv'])
    expect(sorted({ tagsNone: ['region', 'регион'] })).toEqual(['Untagged'])
    expect(sorted({ tagsAll: ['регион'] })).toEqual(['Москва'])
    expect(sorted({ tagsAll: ['РЕГИОН/россия'] })).toEqual(['Москва'])
    expect(sorted({ tagsAll: ['reg'] })).toEqual([])
  })

  it('filters by read state, archive, annotations, format and site', () => {
    seed()
    expect(sorted({ read: 'read' })).toEqual(['Astana'])
    expect(sorted({ read: 'unread' })).toEqual(['Almaty', 'Kyiv', 'Untagged', 'Москва'])
    expect(sorted({ archived: true })).toEqual(['Kyiv'])
    expect(sorted({ archived: false })).not.toContain('Kyiv')
    expect(sorted({ annotated: true })).toEqual(['Москва'])
    expect(sorted({ annotated: false })).not.toContain('Москва')
    expect(sorted({ formats: ['pdf'] })).toEqual(['Astana'])
    expect(sorted({ site: 'bbc' })).toEqual(['Almaty'])
    expect(sorted({ site: 'kyivpost.com' })).toEqual(['Kyiv'])
    expect(sorted({ site: '%' })).toEqual([])
  })

  it('filters by a date range, whole days included', () => {
    seed()
    expect(sorted({ from: '2023-01-01', to: '2023-12-31' })).toEqual(['Astana'])
    expect(sorted({ to: '2022-12-31' })).toEqual(['Kyiv'])
    expect(sorted({ dateField: 'added', from: '2024-06-04', to: '2024-06-05' })).toEqual(['Untagged', 'Москва'])
  })

  it('filters by a search query, ё or е alike', () => {
    seed()
    expect(sorted({ query: 'ученые' })).toEqual(['Москва'])
    expect(sorted({ query: 'tag:region -tag:region/kazakhstan' })).toEqual(['Kyiv'])
    expect(sorted({ query: 'tag:регион' })).toEqual(['Москва'])
    expect(sorted({ query: 'is:annotated' })).toEqual(['Москва'])
    expect(sorted({ query: 'color:yellow' })).toEqual(['Москва'])
    expect(sorted({ query: 'мерзлоте in:highlights' })).toEqual(['Москва'])
    expect(sorted({ query: '-мерзлоте' })).toEqual(['Almaty', 'Astana', 'Kyiv', 'Untagged'])
  })

  it('leaves deleted articles out', () => {
    seed()
    const gone = listArticles(t.lib, { sort: 'added', desc: true, cursor: null, limit: 1 }).items[0]
    deleteArticles(t.lib, { ids: [gone.id] })
    expect(shown()).not.toContain(gone.title)
    expect(listArticles(t.lib, { sort: 'added', desc: true, cursor: null, limit: 10 }).total).toBe(4)
  })

  it('pages a tag on thousands of articles and a rare one alike (index walk vs lookup)', () => {
    const n = 2 * DRIVE_LIMIT + 500
    t.lib.write(() => {
      const ins = t.lib.db.prepare(
        "INSERT INTO articles(id, title, format, content_hash, imported_at, updated_at) VALUES (?, ?, 'html', ?, ?, ?)"
      )
      const fts = t.lib.db.prepare("INSERT INTO articles_fts(rowid, title, author, text) VALUES (?, ?, '', ?)")
      for (let i = 0; i < n; i++) {
        const at = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()
        const rowid = ins.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `T${i}`, `h${i}`, at, at).lastInsertRowid
        fts.run(rowid, `T${i}`, i % 2 ? 'common odd' : 'common even')
      }
    })
    bulkTag(t.lib, { filter: LibraryFilter.parse({}), except: [] }, ['big'], [])
    bulkTag(t.lib, { ids: ['00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000003001'] }, ['rare'], [])
    expect(planTagDrive(t.lib, LibraryFilter.parse({ tagsAll: ['big'] }))).toBe(-1)
    expect(planTagDrive(t.lib, LibraryFilter.parse({ tagsAll: ['big', 'rare'] }))).toBe(1)
    const big = shown({ tagsAll: ['big'] }, 'added', true, 500)
    expect(big.length).toBe(n)
    expect(big.slice(0, 2)).toEqual([`T${n - 1}`, `T${n - 2}`])
    expect(new Set(big).size).toBe(n)
    expect(shown({ tagsAll: ['big', 'rare'] }, 'added', true, 1)).toEqual(['T3001', 'T7'])
    expect(shown({ tagsAny: ['rare', 'nothing'] }, 'title', false, 1)).toEqual(['T3001', 'T7'])
    // A common word: pages probe a cached match set, which a change to the library refreshes.
    const odd = shown({ query: 'common odd' }, 'added', true, 700)
    expect(odd.length).toBe(Math.floor(n / 2))
    expect(odd[0]).toBe(`T${n % 2 ? n - 2 : n - 1}`)
    expect(shown({ query: 'common', tagsAll: ['rare'] }, 'added', true, 1)).toEqual(['T3001', 'T7'])
    addArticle(t.lib, { title: 'Newest', text: 'common odd' })
    expect(shown({ query: 'common odd' }, 'added', true, 700)[0]).toBe('Newest')
  })

  it('counts a tag, children included and deleted articles left out, the same by either counting path', () => {
    seed()
    const kz = listArticles(t.lib, { sort: 'added', desc: true, cursor: null, limit: 1, filter: LibraryFilter.parse({ tagsAll: ['region/kazakhstan'] }) })
    deleteArticles(t.lib, { ids: [kz.items[0].id] })
    expect(countMatching(t.lib, LibraryFilter.parse({ tagsAll: ['region'] }))).toBe(2)
    expect(countMatching(t.lib, LibraryFilter.parse({ tagsAll: ['region'], read: null, archived: null }))).toBe(2)
    expect(countMatching(t.lib, LibraryFilter.parse({ tagsAll: ['region'], archived: false }))).toBe(1)
    expect(listArticles(t.lib, { sort: 'added', desc: true, cursor: null, limit: 1, count: false, filter: LibraryFilter.parse({}) }).total).toBeNull()
  })

  it('refuses a tampered cursor with a message', () => {
    expect(() => listArticles(t.lib, { sort: 'added', desc: true, cursor: 'garbage', limit: 5 })).toThrow(/invalid cursor — start again/)
  })
})
