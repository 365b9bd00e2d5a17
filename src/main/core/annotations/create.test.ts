import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getArticle } from '../articles/repo'
import type { Library } from '../library'
import { annotationCount, call, digestLibrary, ok, rangeOf } from './test-library'

const ONE_MB = 1024 * 1024

let lib: Library
let articleId: string
let text: string
let dispose: () => void

beforeEach(() => {
  ;({ lib, articleId, text, dispose } = digestLibrary())
})
afterEach(() => dispose())

describe('annotations.create', () => {
  it('highlights the selected words and stores their quote with context', async () => {
    const range = rangeOf(text, 'Major General Almaz Dzhumakeyev')
    const a = await ok(lib, 'annotations.create', { articleId, ...range, color: 'green', note: 'who leads it', tags: ['people/military'] })
    expect(a).toMatchObject({
      articleId, ...range, exact: 'Major General Almaz Dzhumakeyev', color: 'green', note: 'who leads it',
      tags: ['people/military'], orphaned: false, creator: null
    })
    expect(a.prefix).toBe(text.slice(range.start - 32, range.start))
    expect(a.suffix).toBe(text.slice(range.end, range.end + 32))
    expect(a.createdAt).toBe(a.updatedAt)
    expect(await ok(lib, 'annotations.list', { articleId })).toEqual([a])
  })

  it('puts the highlight on the words when the selection takes in spaces and a line break', async () => {
    const range = rangeOf(text, 'was held.')
    const a = await ok(lib, 'annotations.create', { articleId, start: range.start - 1, end: range.end + 1 })
    expect(a).toMatchObject({ ...range, exact: 'was held.', color: 'yellow', note: '', tags: [] })
  })

  it('refuses a whitespace-only selection, saying to select words', async () => {
    const gap = text.indexOf('\n')
    const r = await call(lib, 'annotations.create', { articleId, start: gap, end: gap + 1 })
    expect(r).toEqual({ ok: false, error: { code: 'invalid_argument', message: 'selection is empty — select some words' } })
    const empty = await call(lib, 'annotations.create', { articleId, start: 10, end: 10 })
    expect(empty).toMatchObject({ ok: false, error: { message: 'selection is empty — select some words' } })
    expect(await ok(lib, 'annotations.list', { articleId })).toEqual([])
  })

  it('refuses a selection that leaves the article', async () => {
    for (const [start, end] of [[text.length - 5, text.length + 1], [20, 10]]) {
      const r = await call(lib, 'annotations.create', { articleId, start, end })
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error).toMatchObject({ code: 'invalid_argument', message: expect.stringContaining('selection leaves the article') })
    }
    const negative = await call(lib, 'annotations.create', { articleId, start: -1, end: 4 })
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_argument' } })
  })

  it('turns a rapid double click into one highlight, not two', async () => {
    const range = rangeOf(text, 'Major General Almaz Dzhumakeyev')
    const [first, second] = await Promise.all([
      ok(lib, 'annotations.create', { articleId, ...range }),
      ok(lib, 'annotations.create', { articleId, ...range })
    ])
    expect(second.id).toBe(first.id)
    // A second selection of the same words taking in the space before is the same highlight too.
    const third = await ok(lib, 'annotations.create', { articleId, start: range.start - 1, end: range.end })
    expect(third.id).toBe(first.id)
    expect(await ok(lib, 'annotations.list', { articleId })).toHaveLength(1)
    expect(annotationCount(lib, articleId)).toBe(1)
  })

  it('lets a second colour overlap the same words as a separate highlight', async () => {
    const range = rangeOf(text, 'Indestructible Brotherhood-2024')
    const yellow = await ok(lib, 'annotations.create', { articleId, ...range })
    const pink = await ok(lib, 'annotations.create', { articleId, ...range, color: 'pink' })
    expect(pink.id).not.toBe(yellow.id)
    expect(annotationCount(lib, articleId)).toBe(2)
  })

  it('refuses a 1 MB note with a message, storing nothing', async () => {
    const range = rangeOf(text, 'Almaty')
    const r = await call(lib, 'annotations.create', { articleId, ...range, note: 'x'.repeat(ONE_MB) })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringMatching(/note.*shorten it/) } })
    expect(await ok(lib, 'annotations.list', { articleId })).toEqual([])
    expect(annotationCount(lib, articleId)).toBe(0)
  })

  it('stores a Markdown note with HTML and script exactly as written (the reader renders it safely)', async () => {
    const note = '**Key** claim <script>alert(1)</script> <img src=x onerror="alert(2)"> [link](javascript:alert(3))'
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), note })
    expect(a.note).toBe(note)
    expect((await ok(lib, 'annotations.list', { articleId }))[0].note).toBe(note)
  })

  it('tags the highlight, reusing an existing tag whatever its case, and refuses a malformed tag', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty'), tags: ['Region/Kazakhstan', 'csto'] })
    expect(a.tags).toEqual(['csto', 'Region/Kazakhstan'])
    const b = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Bereg'), tags: ['region/kazakhstan'] })
    expect(b.tags).toEqual(['Region/Kazakhstan'])
    const bad = await call(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Sultangaziev'), tags: ['region//x'] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('empty part') } })
    expect(await ok(lib, 'annotations.list', { articleId })).toHaveLength(2)
  })

  it('attributes the highlight to the identity set in settings', async () => {
    lib.write(() => lib.setSetting('identity', 'Аня Петрова'))
    const a = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    expect(a.creator).toBe('Аня Петрова')
  })

  it('can highlight the whole article', async () => {
    const a = await ok(lib, 'annotations.create', { articleId, start: 0, end: text.length })
    expect(a.exact).toBe(text.trim())
    expect(a).toMatchObject({ prefix: '', suffix: '' })
  })

  it('says which article is unknown', async () => {
    const missing = '00000000-0000-4000-8000-000000000000'
    const r = await call(lib, 'annotations.create', { articleId: missing, start: 0, end: 4 })
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining(missing) } })
    expect(await call(lib, 'annotations.list', { articleId: missing })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })

  it('keeps the library count of annotations right', async () => {
    await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Almaty') })
    await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Bereg') })
    expect(annotationCount(lib, articleId)).toBe(2)
    expect(getArticle(lib, articleId).annotationCount).toBe(2)
  })
})
