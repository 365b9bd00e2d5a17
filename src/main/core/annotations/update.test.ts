import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getArticle } from '../articles/repo'
import { checkLibrary } from '../maintenance/check'
import type { Library } from '../library'
import { annotationCount, call, digestLibrary, ok, rangeOf, rowidOf, searchAnnotations } from './test-library'

let lib: Library
let articleId: string
let text: string
let dispose: () => void

beforeEach(() => {
  ;({ lib, articleId, text, dispose } = digestLibrary())
})
afterEach(() => dispose())

describe('annotations.update', () => {
  it('changes colour, note and tags, keeping the highlight on its words', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), tags: ['places'] })
    await new Promise((r) => setTimeout(r, 5))
    const b = await ok(lib, 'annotations.update', { id: a.id, color: 'blue', note: 'the *southern* capital', tags: ['region/kazakhstan'] })
    expect(b).toMatchObject({ id: a.id, start: a.start, end: a.end, exact: 'Almaty', color: 'blue', note: 'the *southern* capital', tags: ['region/kazakhstan'] })
    expect(b.updatedAt > a.updatedAt).toBe(true)
    expect(b.createdAt).toBe(a.createdAt)
    expect(await ok(lib, 'annotations.list', { articleId })).toEqual([b])
  })

  it('leaves fields that were not sent as they were', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), note: 'keep me', tags: ['t'] })
    const b = await ok(lib, 'annotations.update', { id: a.id, color: 'pink' })
    expect(b).toMatchObject({ note: 'keep me', tags: ['t'], color: 'pink' })
  })

  it('moves the highlight to a new selection, describing the new words', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    const b = await ok(lib, 'annotations.update', { id: a.id, range: rangeOf(text, 'Bereg') })
    expect(b).toMatchObject({ id: a.id, ...rangeOf(text, 'Bereg'), exact: 'Bereg', orphaned: false })
  })

  it('refuses an empty new selection and keeps the old one', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    const r = await call(lib, 'annotations.update', { id: a.id, range: { start: 3, end: 3 } })
    expect(r).toMatchObject({ ok: false, error: { message: 'selection is empty — select some words' } })
    expect((await ok(lib, 'annotations.list', { articleId }))[0]).toMatchObject({ exact: 'Almaty' })
  })

  it('clicking the colour a highlight already has changes nothing, not even its edit time', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), color: 'green', tags: ['Places'] })
    await new Promise((r) => setTimeout(r, 5))
    const b = await ok(lib, 'annotations.update', { id: a.id, color: 'green', tags: ['places'], range: rangeOf(text, 'Almaty') })
    expect(b).toEqual(a)
  })

  it('says an unknown annotation is not found', async () => {
    const r = await call(lib, 'annotations.update', { id: '00000000-0000-4000-8000-000000000000', note: 'x' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('annotations.delete and restore', () => {
  it('deleting hides the highlight from the list, the count and search, and undo brings it all back', async () => {
    const keep = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Bereg'), note: 'training range' })
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), note: 'biosecurity council', tags: ['health'] })
    expect(searchAnnotations(lib, 'biosecurity')).toEqual([rowidOf(lib, a.id)])

    await ok(lib, 'annotations.delete', { id: a.id })
    expect(await ok(lib, 'annotations.list', { articleId })).toEqual([keep])
    expect(annotationCount(lib, articleId)).toBe(1)
    expect(searchAnnotations(lib, 'biosecurity')).toEqual([])
    expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
    // The tombstone keeps everything, for undo and for merging.
    const row = lib.db.prepare('SELECT deleted_at, note FROM annotations WHERE id = ?').get(a.id) as { deleted_at: string; note: string }
    expect(row.note).toBe('biosecurity council')
    expect(row.deleted_at).toEqual(expect.any(String))

    const back = await ok(lib, 'annotations.restore', { id: a.id })
    expect(back).toMatchObject({ id: a.id, start: a.start, end: a.end, note: 'biosecurity council', tags: ['health'], orphaned: false })
    expect(await ok(lib, 'annotations.list', { articleId })).toHaveLength(2)
    expect(annotationCount(lib, articleId)).toBe(2)
    expect(searchAnnotations(lib, 'biosecurity')).toEqual([rowidOf(lib, a.id)])
    expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
  })

  it('deleting twice (a double click) is harmless', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    await ok(lib, 'annotations.delete', { id: a.id })
    expect(await call(lib, 'annotations.delete', { id: a.id })).toEqual({ ok: true, result: null })
    expect(annotationCount(lib, articleId)).toBe(0)
  })

  it('a deleted highlight cannot be edited until it is restored', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    await ok(lib, 'annotations.delete', { id: a.id })
    const r = await call(lib, 'annotations.update', { id: a.id, note: 'x' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('restore it') } })
  })

  it('highlighting the same words again after a delete makes a new highlight', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    await ok(lib, 'annotations.delete', { id: a.id })
    const b = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    expect(b.id).not.toBe(a.id)
    expect(annotationCount(lib, articleId)).toBe(1)
  })
})

describe('annotation count', () => {
  it('stays equal to the number of live highlights through double clicks, deletes, undos and re-attachment', async () => {
    const recount = (): number =>
      (lib.db.prepare('SELECT count(*) AS n FROM annotations WHERE article_id = ? AND deleted_at IS NULL').get(articleId) as { n: number }).n
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    const b = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Bereg'), color: 'orange' })
    await ok(lib, 'annotations.delete', { id: a.id })
    await ok(lib, 'annotations.delete', { id: a.id })
    await ok(lib, 'annotations.restore', { id: a.id })
    await ok(lib, 'annotations.restore', { id: a.id })
    await ok(lib, 'annotations.delete', { id: b.id })
    await ok(lib, 'annotations.update', { id: a.id, range: rangeOf(text, 'Sultangaziev') })
    await call(lib, 'annotations.create', { articleId, start: 3, end: 3 })
    expect(recount()).toBe(1)
    expect(annotationCount(lib, articleId)).toBe(1)
  })
})

describe('annotation search index', () => {
  it('finds a highlight by a word of its note or its quote, Cyrillic ё included, and follows edits', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), note: 'Встреча в Алматы, ещё раз' })
    const rowid = rowidOf(lib, a.id)
    expect(searchAnnotations(lib, 'almaty')).toEqual([rowid])
    expect(searchAnnotations(lib, 'еще')).toEqual([rowid])
    expect(searchAnnotations(lib, 'встреча')).toEqual([rowid])
    await ok(lib, 'annotations.update', { id: a.id, note: 'rewritten' })
    expect(searchAnnotations(lib, 'встреча')).toEqual([])
    expect(searchAnnotations(lib, 'rewritten')).toEqual([rowid])
    await ok(lib, 'annotations.update', { id: a.id, range: rangeOf(text, 'Bereg') })
    expect(searchAnnotations(lib, 'almaty')).toEqual([])
    expect(searchAnnotations(lib, 'bereg')).toEqual([rowid])
  })
})

describe('articles.setNote', () => {
  it('stores the article note as written and says when the article is unknown', async () => {
    await ok(lib, 'articles.setNote', { id: articleId, note: '# Summary\n<script>x</script>' })
    expect(getArticle(lib, articleId).note).toBe('# Summary\n<script>x</script>')
    const r = await call(lib, 'articles.setNote', { id: '00000000-0000-4000-8000-000000000000', note: 'x' })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})
