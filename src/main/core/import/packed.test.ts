import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { NewArticle } from '../articles/repo'
import { packArticle, unpackArticle } from './packed'

const article = (html: string, text: string): NewArticle => ({
  title: 'T', author: null, published: null, source: null, site: null, format: 'text', encoding: 'UTF-8', language: null,
  html, text, contentHash: 'h', wordCount: 1
})

describe('article bodies sent from the import workers', () => {
  it('arrive exactly as prepared, for any text: Latin-1, Cyrillic, emoji, lone surrogates, NUL', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), (html, text) => {
        const transfer: ArrayBuffer[] = []
        const packed = packArticle(article(html, text), transfer)
        // One transferred buffer per article, holding exactly its html and text (not a slice of a shared pool).
        expect(transfer).toEqual([packed.html.bytes.buffer])
        expect(packed.text.bytes.buffer).toBe(transfer[0])
        expect(transfer[0].byteLength).toBe(packed.html.bytes.byteLength + packed.text.bytes.byteLength)
        const back = unpackArticle(structuredClone(packed, { transfer }))
        expect(back.html).toBe(html)
        expect(back.text).toBe(text)
      }),
      { numRuns: 2000 }
    )
    expect(unpackArticle(packArticle(article('é\u00ff', 'Учёные \ud800 😀'), [])).text).toBe('Учёные \ud800 😀')
  })
})
