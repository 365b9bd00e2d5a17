import { describe, expect, it } from 'vitest'
import { Selection, type SelectionInput } from '../../../shared/api/library'
import { getArticle } from '../articles/repo'
import { checkLibrary } from '../maintenance/check'
import { search } from '../search/run'
import { useTempLibrary } from '../testing/temp-library'
import { bulkArchive, bulkMarkRead, bulkTag } from './bulk'
import { editMetadata, metadataInfo } from './metadata'
import { addArticle } from './test-articles'
import { deleteArticles, restoreArticles } from './trash'

const t = useTempLibrary()

const sel = (s: SelectionInput) => Selection.parse(s)
const tagsOf = (id: string) => getArticle(t.lib, id).tags

describe('bulk operations', () => {
  it('tags a multi-selection and removes exactly the tag asked for', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((title) => addArticle(t.lib, { title, tags: ['topic/x'] }))
    expect(bulkTag(t.lib, sel({ ids: [a.id, b.id] }), ['review', 'Регион/Казахстан'], [])).toEqual({ matched: 2, changed: 4 })
    expect(tagsOf(a.id)).toEqual(['review', 'topic/x', 'Регион/Казахстан'])
    expect(tagsOf(c.id)).toEqual(['topic/x'])
    bulkTag(t.lib, sel({ ids: [a.id] }), ['регион/казахстан'], ['topic'])
    expect(tagsOf(a.id)).toEqual(['review', 'topic/x', 'Регион/Казахстан'])
    bulkTag(t.lib, sel({ ids: [a.id, b.id, c.id] }), [], ['TOPIC/X'])
    expect([a, b, c].map((r) => tagsOf(r.id).includes('topic/x'))).toEqual([false, false, false])
  })

  it('applies to all articles matching the filter, minus the ones deselected', () => {
    const ids = ['One', 'Two', 'Three', 'Four'].map((title, i) => addArticle(t.lib, { title, tags: i < 3 ? ['inbox'] : [] }).id)
    const r = bulkTag(t.lib, sel({ filter: { tagsAll: ['inbox'] }, except: [ids[1]] }), ['done'], [])
    expect(r).toEqual({ matched: 2, changed: 2 })
    expect(ids.map((id) => tagsOf(id).includes('done'))).toEqual([true, false, true, false])
  })

  it('refuses a bad tag before changing anything', () => {
    const a = addArticle(t.lib, { title: 'A' })
    expect(() => bulkTag(t.lib, sel({ ids: [a.id] }), ['ok', ' spaced'], [])).toThrow(/spaces around a part/)
    expect(() => bulkTag(t.lib, sel({ ids: [a.id] }), ['a//b'], [])).toThrow(/empty part/)
    expect(tagsOf(a.id)).toEqual([])
  })

  it('archives and marks read, counting only real changes', () => {
    const a = addArticle(t.lib, { title: 'A' })
    const b = addArticle(t.lib, { title: 'B', read: true })
    expect(bulkMarkRead(t.lib, sel({ filter: {} }), true)).toEqual({ matched: 2, changed: 1 })
    expect(getArticle(t.lib, a.id).isRead).toBe(true)
    expect(bulkArchive(t.lib, sel({ ids: [b.id] }), true)).toEqual({ matched: 1, changed: 1 })
    expect(getArticle(t.lib, b.id).archived).toBe(true)
    bulkArchive(t.lib, sel({ ids: [b.id] }), false)
    expect(getArticle(t.lib, b.id).archived).toBe(false)
  })

  it('deletes to the trash and undo brings back exactly that batch, tags and all', () => {
    const a = addArticle(t.lib, { title: 'A', text: 'fjord', tags: ['keep'] })
    const b = addArticle(t.lib, { title: 'B', text: 'fjord' })
    const first = deleteArticles(t.lib, sel({ ids: [a.id] }))
    const second = deleteArticles(t.lib, sel({ ids: [b.id] }))
    expect(first.deleted).toBe(1)
    expect(first.undoToken).not.toBe(second.undoToken)
    expect(() => getArticle(t.lib, a.id)).toThrow(/no article/)
    expect(search(t.lib, 'fjord', 5).hits).toEqual([])
    expect(restoreArticles(t.lib, first.undoToken)).toEqual({ matched: 1, changed: 1 })
    expect(getArticle(t.lib, a.id).tags).toEqual(['keep'])
    expect(() => getArticle(t.lib, b.id)).toThrow(/no article/)
    expect(search(t.lib, 'fjord', 5).hits.map((h) => h.title)).toEqual(['A'])
    expect(() => restoreArticles(t.lib, first.undoToken)).toThrow(/nothing to restore/)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('edits metadata of one or many, keeps the imported values as provenance, and re-indexes', () => {
    const a = addArticle(t.lib, { title: 'Scan 0042', text: 'Повесть временных лет.', author: 'unknown', published: '1999', source: '/scans/0042.pdf' })
    const b = addArticle(t.lib, { title: 'Scan 0043', author: null })
    editMetadata(t.lib, sel({ ids: [a.id] }), { title: 'Летопись', author: 'Нестор' }, '2024-07-01T00:00:00.000Z')
    editMetadata(t.lib, sel({ ids: [a.id, b.id] }), { published: '1113-01-01', source: null }, '2024-07-02T00:00:00.000Z')
    const info = metadataInfo(t.lib, a.id)
    expect(info).toMatchObject({ title: 'Летопись', author: 'Нестор', published: '1113-01-01', source: null })
    expect(info.original).toEqual({ title: 'Scan 0042', author: 'unknown', published: '1999', source: '/scans/0042.pdf', editedAt: '2024-07-02T00:00:00.000Z' })
    expect(metadataInfo(t.lib, b.id).original?.title).toBe('Scan 0043')
    expect(search(t.lib, 'летопись', 5).hits.map((h) => h.articleId)).toEqual([a.id])
    expect(search(t.lib, 'author:нестор', 5).hits.map((h) => h.articleId)).toEqual([a.id])
    expect(search(t.lib, '0042', 5).hits).toEqual([])
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('refuses an edit that changes nothing', () => {
    const a = addArticle(t.lib, { title: 'A' })
    expect(() => editMetadata(t.lib, sel({ ids: [a.id] }), {})).toThrow(/nothing to change/)
  })

  it('tags 10,000 articles selected by filter in well under a second', () => {
    t.lib.write(() => {
      const ins = t.lib.db.prepare(
        "INSERT INTO articles(id, title, format, content_hash, imported_at, updated_at) VALUES (?, ?, 'html', ?, '2024-01-01', '2024-01-01')"
      )
      for (let i = 0; i < 10_000; i++) ins.run(`00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, `T${i}`, `h${i}`)
    })
    const start = performance.now()
    const r = bulkTag(t.lib, sel({ filter: {} }), ['bulk/one', 'bulk/two'], [])
    const ms = performance.now() - start
    expect(r).toEqual({ matched: 10_000, changed: 20_000 })
    expect(ms).toBeLessThan(1_000)
  })
})
