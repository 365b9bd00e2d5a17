import { describe, expect, it } from 'vitest'
import { getAnnotation } from '../annotations/repo'
import { getArticle } from '../articles/repo'
import { deleteArticles } from '../library/trash'
import { addArticle, highlight } from '../library/test-articles'
import { checkLibrary } from '../maintenance/check'
import { useTempLibrary } from '../testing/temp-library'
import { ensureTag } from './attach'
import { deleteTag, restoreTags } from './remove'
import { mergeTags, renameTag } from './rename'
import { suggestTags } from './suggest'
import { tagTree } from './tree'

const t = useTempLibrary()

const tree = () => tagTree(t.lib).map((n) => `${'  '.repeat(n.depth)}${n.name} ${n.articles}/${n.annotations}${n.exists ? '' : ' (implicit)'}`)
const paths = () => (t.lib.db.prepare('SELECT path FROM tags ORDER BY fold').pluck().all() as string[])

describe('tags', () => {
  it('are unique case-insensitively in every script, keeping the first spelling', () => {
    const id = t.lib.write(() => ensureTag(t.lib, 'Регион/Казахстан'))
    expect(t.lib.write(() => ensureTag(t.lib, 'регион/КАЗАХСТАН'))).toBe(id)
    expect(t.lib.write(() => ensureTag(t.lib, 'Region/Kazakhstan'))).not.toBe(id)
    expect(paths()).toEqual(['Region/Kazakhstan', 'Регион/Казахстан'])
  })

  it('refuses spaces around a part and empty parts with a clear message', () => {
    expect(() => t.lib.write(() => ensureTag(t.lib, ' region'))).toThrow(/has spaces around a part — remove them/)
    expect(() => t.lib.write(() => ensureTag(t.lib, 'region/'))).toThrow(/has an empty part — remove the extra "\/"/)
    expect(() => t.lib.write(() => ensureTag(t.lib, ''))).toThrow(/empty tag/)
  })

  it('form a tree with counts that include children once, and implicit parents', () => {
    const a = addArticle(t.lib, { title: 'A', text: 'steppe wind', tags: ['region/kazakhstan', 'region/kazakhstan/almaty', 'topic'] })
    addArticle(t.lib, { title: 'B', tags: ['region/ukraine'] })
    const gone = addArticle(t.lib, { title: 'C', tags: ['region/ukraine'] })
    deleteArticles(t.lib, { ids: [gone.id] })
    highlight(t.lib, a.id, 'steppe', { tags: ['region/kazakhstan/almaty'] })
    expect(tree()).toEqual([
      'region 2/1 (implicit)',
      '  kazakhstan 1/1',
      '    almaty 1/1',
      '  ukraine 1/0',
      'topic 1/0'
    ])
  })

  it('rename also renames children and keeps every article and annotation on them', () => {
    const a = addArticle(t.lib, { title: 'A', text: 'x y', tags: ['region', 'region/kazakhstan'] })
    const n = highlight(t.lib, a.id, 'x', { tags: ['region/kazakhstan'] })
    expect(renameTag(t.lib, 'REGION', 'place')).toBe(2)
    expect(paths()).toEqual(['place', 'place/kazakhstan'])
    expect(getArticle(t.lib, a.id).tags).toEqual(['place', 'place/kazakhstan'])
    expect(getAnnotation(t.lib, n).tags).toEqual(['place/kazakhstan'])
    expect(renameTag(t.lib, 'place', 'Place')).toBe(2)
    expect(paths()).toEqual(['Place', 'Place/kazakhstan'])
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('rename onto an existing tag is refused and points to merge', () => {
    addArticle(t.lib, { title: 'A', tags: ['a/x', 'b/x'] })
    expect(() => renameTag(t.lib, 'a', 'b')).toThrow(/tag "b\/x" already exists — merge "a" into "b"/)
    expect(() => renameTag(t.lib, 'nothing', 'b')).toThrow(/no tag "nothing"/)
    expect(paths()).toEqual(['a/x', 'b/x'])
  })

  it('merge moves articles, annotations and children, merging duplicates, then removes the source', () => {
    const a = addArticle(t.lib, { title: 'A', text: 'quote here', tags: ['kz', 'kz/almaty'] })
    const b = addArticle(t.lib, { title: 'B', tags: ['region/kazakhstan', 'region/kazakhstan/almaty'] })
    const c = addArticle(t.lib, { title: 'C', tags: ['kz', 'region/kazakhstan'] })
    const n = highlight(t.lib, a.id, 'quote', { tags: ['kz'] })
    mergeTags(t.lib, 'kz', 'region/kazakhstan')
    expect(paths()).toEqual(['region/kazakhstan', 'region/kazakhstan/almaty'])
    expect(getArticle(t.lib, a.id).tags).toEqual(['region/kazakhstan', 'region/kazakhstan/almaty'])
    expect(getArticle(t.lib, b.id).tags).toEqual(['region/kazakhstan', 'region/kazakhstan/almaty'])
    expect(getArticle(t.lib, c.id).tags).toEqual(['region/kazakhstan'])
    expect(getAnnotation(t.lib, n).tags).toEqual(['region/kazakhstan'])
    expect(tree()).toEqual(['region 3/1 (implicit)', '  kazakhstan 3/1', '    almaty 2/0'])
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('merge refuses the same tag and a tag into its own child', () => {
    addArticle(t.lib, { title: 'A', tags: ['a/b'] })
    expect(() => mergeTags(t.lib, 'a', 'A')).toThrow(/are the same tag/)
    expect(() => mergeTags(t.lib, 'a', 'a/b')).toThrow(/into its own child/)
  })

  it('delete untags everything under the tag, and undo puts it all back', () => {
    const a = addArticle(t.lib, { title: 'A', text: 'quote', tags: ['draft', 'draft/old', 'keep'] })
    const n = highlight(t.lib, a.id, 'quote', { tags: ['draft/old'] })
    const r = deleteTag(t.lib, 'Draft')
    expect(r).toMatchObject({ tags: 2, articles: 1, annotations: 1 })
    expect(getArticle(t.lib, a.id).tags).toEqual(['keep'])
    expect(getAnnotation(t.lib, n).tags).toEqual([])
    expect(restoreTags(t.lib, r.undoToken)).toBe(2)
    expect(getArticle(t.lib, a.id).tags).toEqual(['draft', 'draft/old', 'keep'])
    expect(getAnnotation(t.lib, n).tags).toEqual(['draft/old'])
    expect(() => restoreTags(t.lib, r.undoToken)).toThrow(/nothing to restore/)
  })

  it('suggests tags whose path or any part starts with what was typed, most used first', () => {
    addArticle(t.lib, { title: 'A', tags: ['region/kazakhstan', 'kazan'] })
    addArticle(t.lib, { title: 'B', tags: ['kazan'] })
    addArticle(t.lib, { title: 'C', tags: ['topic/peacekeeping', 'Казахстан'] })
    expect(suggestTags(t.lib, 'kaz', 10)).toEqual(['kazan', 'region/kazakhstan'])
    expect(suggestTags(t.lib, 'KAZ', 1)).toEqual(['kazan'])
    expect(suggestTags(t.lib, 'каз', 10)).toEqual(['Казахстан'])
    expect(suggestTags(t.lib, 'peace', 10)).toEqual(['topic/peacekeeping'])
    expect(suggestTags(t.lib, '', 2)).toEqual(['kazan', 'region/kazakhstan'])
  })
})
