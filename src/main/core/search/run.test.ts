import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../shared/api/search'
import { ScholiaError } from '../../../shared/errors'
import { deleteAnnotation } from '../annotations/delete'
import { addArticle, highlight } from '../library/test-articles'
import { deleteArticles } from '../library/trash'
import { useTempLibrary } from '../testing/temp-library'
import { search } from './run'
import { snippetText } from './snippet'

const t = useTempLibrary()

const titles = (q: string) => search(t.lib, q, 50).hits.filter((h) => h.kind === 'article').map((h) => h.title).sort()
const quotes = (q: string) =>
  search(t.lib, q, 50)
    .hits.filter((h) => h.kind === 'annotation')
    .map((h) => snippetText(h.snippet).replace(/[[\]]/g, ''))
    .sort()
const marked = (h: SearchHit) => h.snippet.filter((s) => s.mark).map((s) => s.text)

describe('full-text search', () => {
  it('finds Russian words case-insensitively, with ё and е matching each other', () => {
    addArticle(t.lib, { title: 'Ледники', text: 'Учёные заметили, что ЁЛКИ растут выше.' })
    expect(titles('ученые')).toEqual(['Ледники'])
    expect(titles('УЧЁНЫЕ')).toEqual(['Ледники'])
    expect(titles('елки')).toEqual(['Ледники'])
    const hit = search(t.lib, 'елки', 5).hits[0]
    expect(marked(hit)).toEqual(['ЁЛКИ'])
  })

  it('ignores diacritics in Latin text but keeps й a letter of its own', () => {
    addArticle(t.lib, { title: 'Café society', text: 'Naïve élan at the café. Он пришёл в музей.' })
    expect(titles('cafe naive elan')).toEqual(['Café society'])
    expect(titles('CAFÉ')).toEqual(['Café society'])
    expect(titles('музеи')).toEqual([])
    expect(marked(search(t.lib, 'cafe', 5).hits[0])).toEqual(['café'])
  })

  it('matches phrases only in order, excludes words, and expands prefixes', () => {
    addArticle(t.lib, { title: 'A', text: 'the hundred thousand years of ice' })
    addArticle(t.lib, { title: 'B', text: 'thousand hundred of snow' })
    addArticle(t.lib, { title: 'C', text: 'glaciers and glacial lakes' })
    expect(titles('"hundred thousand"')).toEqual(['A'])
    expect(titles('hundred thousand')).toEqual(['A', 'B'])
    expect(titles('hundred -snow')).toEqual(['A'])
    expect(titles('glaci*')).toEqual(['C'])
    expect(marked(search(t.lib, 'glaci*', 5).hits[0])).toEqual(['glaciers', 'glacial'])
  })

  it('ranks a title match above a passing mention in the text', () => {
    addArticle(t.lib, { title: 'Notes on many things', text: 'permafrost is mentioned once among a great many other words here' })
    addArticle(t.lib, { title: 'Permafrost', text: 'A short text.' })
    expect(search(t.lib, 'permafrost', 5).hits.map((h) => h.title)).toEqual(['Permafrost', 'Notes on many things'])
  })

  it('filters by tag including its children, by author, and by date', () => {
    addArticle(t.lib, { title: 'Almaty', text: 'steppe', tags: ['region/kazakhstan'], author: 'Aigerim Sadykova', published: '2024-05-01' })
    addArticle(t.lib, { title: 'Kyiv', text: 'steppe', tags: ['region/ukraine'], author: 'Leo Tolstoy', published: '2023-01-10' })
    addArticle(t.lib, { title: 'Moon', text: 'steppe', tags: ['space'], published: null, importedAt: '2022-02-02T00:00:00.000Z' })
    expect(titles('steppe tag:region')).toEqual(['Almaty', 'Kyiv'])
    expect(titles('steppe tag:REGION/Kazakhstan')).toEqual(['Almaty'])
    expect(titles('steppe -tag:region')).toEqual(['Moon'])
    expect(titles('author:tolstoy')).toEqual(['Kyiv'])
    expect(titles('steppe -author:tolstoy')).toEqual(['Almaty', 'Moon'])
    expect(titles('steppe after:2024-01-01')).toEqual(['Almaty'])
    expect(titles('steppe before:2024')).toEqual(['Kyiv', 'Moon'])
    expect(titles('steppe after:2023-01 before:2023-02')).toEqual(['Kyiv'])
  })

  it('finds highlights by quote and by note, and in:notes looks at notes only', () => {
    const a = addArticle(t.lib, { title: 'Ice', text: 'Each layer of snow traps a little air for a hundred thousand years.' })
    highlight(t.lib, a.id, 'traps a little air', { note: 'Проверить цифру', color: 'green' })
    highlight(t.lib, a.id, 'hundred thousand years', { note: 'air bubbles', color: 'yellow' })
    expect(quotes('air')).toEqual(['hundred thousand years', 'traps a little air'])
    expect(quotes('air in:notes')).toEqual(['hundred thousand years'])
    expect(quotes('проверить')).toEqual(['traps a little air'])
    expect(titles('air in:notes')).toEqual([])
    expect(quotes('air in:articles')).toEqual([])
  })

  it('filters highlights by colour, and is:annotated / is:unread filter articles', () => {
    const a = addArticle(t.lib, { title: 'Marked', text: 'river delta sediment' })
    addArticle(t.lib, { title: 'Plain', text: 'river delta sediment', read: true })
    highlight(t.lib, a.id, 'delta', { color: 'pink' })
    highlight(t.lib, a.id, 'sediment', { color: 'blue' })
    expect(quotes('delta color:pink')).toEqual(['delta'])
    expect(quotes('color:blue')).toEqual(['sediment'])
    expect(titles('river color:blue')).toEqual([])
    expect(titles('river is:annotated')).toEqual(['Marked'])
    expect(titles('river -is:annotated')).toEqual(['Plain'])
    expect(titles('river is:unread')).toEqual(['Marked'])
    expect(titles('river is:read')).toEqual(['Plain'])
  })

  it('gives a highlight hit its article and annotation ids, so the reader can scroll to it', () => {
    const a = addArticle(t.lib, { title: 'Ice', text: 'Layers of snow keep the air.' })
    const id = highlight(t.lib, a.id, 'Layers of snow')
    const hit = search(t.lib, 'layers', 5).hits.find((h) => h.kind === 'annotation')
    expect(hit).toMatchObject({ articleId: a.id, annotationId: id, title: 'Ice', color: 'yellow' })
  })

  it('never shows deleted articles or deleted highlights', () => {
    const a = addArticle(t.lib, { title: 'Gone', text: 'tundra' })
    const b = addArticle(t.lib, { title: 'Kept', text: 'tundra' })
    deleteAnnotation(t.lib, highlight(t.lib, b.id, 'tundra'))
    highlight(t.lib, a.id, 'tundra')
    deleteArticles(t.lib, { ids: [a.id] })
    expect(titles('tundra')).toEqual(['Kept'])
    expect(quotes('tundra')).toEqual([])
  })

  it('cuts a snippet around the terms from a long text, with ellipses', () => {
    const filler = 'Lorem ipsum dolor sit amet. '.repeat(200)
    addArticle(t.lib, { title: 'Long', text: `${filler}The albedo of fresh snow is high. ${filler}` })
    const hit = search(t.lib, 'albedo', 1).hits[0]
    const text = snippetText(hit.snippet)
    expect(text.startsWith('…')).toBe(true)
    expect(text.endsWith('…')).toBe(true)
    expect(text).toContain('[albedo]')
    expect(text.length).toBeLessThan(260)
  })

  it('answers FTS5 syntax and SQL in a query with results or a clear message, never an SQL error', () => {
    addArticle(t.lib, { title: 'Syntax', text: 'near and or not title' })
    for (const q of ['NEAR(near and)', 'title:x', "'; DROP TABLE articles; --", '^near', 'a OR', '{title}: near', '"', '(', ')', 'not', '-', '--', 'x"y"z']) {
      try {
        search(t.lib, q, 5)
      } catch (e) {
        expect(e, q).toBeInstanceOf(ScholiaError)
        expect((e as ScholiaError).code, q).toBe('invalid_argument')
        expect((e as Error).message, q).not.toMatch(/fts5|sqlite|syntax error/i)
      }
    }
    expect(titles('not')).toEqual(['Syntax'])
  })

  it('refuses an empty query', () => {
    expect(() => search(t.lib, '   ', 5)).toThrow(/nothing to search for/)
  })

  it('ranks a very common word among the most recent matches only, and says so', () => {
    // The oldest article would rank first (the word is its title), but lies outside a window of 3.
    addArticle(t.lib, { title: 'Moraine', text: 'moraine' })
    for (let i = 0; i < 4; i++) addArticle(t.lib, { title: `T${i}`, text: `a moraine among ${'many other words '.repeat(i + 1)}` })
    const exact = search(t.lib, 'moraine', 2, { rankWindow: Infinity })
    expect(exact).toMatchObject({ windowed: false })
    expect(exact.hits[0].title).toBe('Moraine')
    const windowed = search(t.lib, 'moraine', 2, { rankWindow: 3 })
    expect(windowed.windowed).toBe(true)
    expect(windowed.hits.map((h) => h.title)).toEqual(['T1', 'T2'])
    expect(search(t.lib, 'moraine', 2, { rankWindow: 10 })).toMatchObject({ windowed: false, hits: [{ title: 'Moraine' }, { title: 'T0' }] })
  })

  it('says when there are more hits than the limit', () => {
    for (let i = 0; i < 4; i++) addArticle(t.lib, { title: `T${i}`, text: 'moraine' })
    expect(search(t.lib, 'moraine', 3)).toMatchObject({ more: true })
    expect(search(t.lib, 'moraine', 4)).toMatchObject({ more: false })
  })
})
