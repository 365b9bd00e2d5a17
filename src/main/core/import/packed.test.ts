import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeArticle, insertArticle, type NewArticle } from '../articles/repo'
import { normalizeForIndex } from '../search-text'
import { useTempLibrary } from '../testing/temp-library'
import { packArticle } from './packed'

const article = (html: string, text: string, title = 'T'): NewArticle => ({
  title, author: null, published: null, source: null, site: null, format: 'text', encoding: 'UTF-8', language: null,
  html, text, contentHash: 'h', wordCount: 1
})

/** The string with each lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, not in this TS lib). */
const wellFormed = (s: string): string => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')

describe('article bodies sent from the import workers', () => {
  it('arrive as the UTF-8 of what was prepared, for any text: Latin-1, Cyrillic, emoji, NUL, lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.oneof(fc.string({ unit: 'grapheme' }), fc.stringMatching(/^[ёЁеЕ\u0400-\u04ff a-z]*$/)), (html, text) => {
        const transfer: ArrayBuffer[] = []
        const packed = packArticle(article(html, text), transfer)
        // One transferred buffer per article, holding exactly its bodies (not a slice of a shared pool).
        expect(transfer).toEqual([packed.html.buffer])
        expect(packed.text.buffer).toBe(transfer[0])
        const indexBytes = packed.indexText?.byteLength ?? 0
        expect(transfer[0].byteLength).toBe(packed.html.byteLength + packed.text.byteLength + indexBytes)
        const moved = structuredClone(packed, { transfer })
        const back = decodeArticle(moved)
        const index = moved.indexText ? Buffer.from(moved.indexText).toString('utf8') : back.text
        expect(index).toBe(normalizeForIndex(back.text))
        // A lone surrogate has no UTF-8: it arrives as U+FFFD, as SQLite would have stored it from the string.
        expect(back.html).toBe(wellFormed(html))
        expect(back.text).toBe(wellFormed(text))
      }),
      { numRuns: 2000 }
    )
  })

  it('carry the text for the full-text index only when it differs from the text', () => {
    expect(packArticle(article('<p>Ученые</p>', 'Ученые'), []).indexText).toBeNull()
    const withYo = packArticle(article('<p>Учёные</p>', 'Учёные'), [])
    expect(Buffer.from(withYo.indexText!).toString('utf8')).toBe(normalizeForIndex('Учёные'))
    const book = 'Ёлка и ёж. '.repeat(200_000)
    const packed = packArticle(article(`<p>${book}</p>`, book), [])
    expect(Buffer.from(packed.indexText!).toString('utf8')).toBe(normalizeForIndex(book))
    expect(Buffer.from(packed.text).toString('utf8')).toBe(book)
  })

  describe('stored from bytes', () => {
    const t = useTempLibrary()

    it('gives the same rows and the same search hits as stored from strings', () => {
      const plain = article('<p>Учёные нашли лёд 😀</p>', 'Учёные нашли лёд 😀', 'Ёлка')
      const fromStrings = t.lib.write(() => insertArticle(t.lib, plain))
      const fromBytes = t.lib.write(() => insertArticle(t.lib, packArticle({ ...plain, contentHash: 'h2' }, [])))
      const row = (rowid: number): unknown =>
        t.lib.db.prepare('SELECT html, text, typeof(html) AS th, typeof(text) AS tt FROM article_content WHERE article_rowid = ?').get(rowid)
      expect(row(fromBytes.rowid)).toEqual(row(fromStrings.rowid))
      expect(row(fromBytes.rowid)).toMatchObject({ text: plain.text, th: 'text', tt: 'text' })
      const hits = (q: string): number[] =>
        (t.lib.db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').all(q) as { rowid: number }[]).map((r) => r.rowid)
      // ё is folded to е in the index, from either form.
      expect(hits('ученые')).toEqual([fromStrings.rowid, fromBytes.rowid])
      expect(hits('лед')).toEqual([fromStrings.rowid, fromBytes.rowid])
      expect(hits('елка')).toEqual([fromStrings.rowid, fromBytes.rowid])
    })
  })
})
