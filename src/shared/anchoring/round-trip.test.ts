import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchor } from './anchor'
import { describeRange } from './describe'
import { AnchoringError } from './errors'
import type { Selectors } from './types'

const article = readFileSync(new URL('../../../resources/news-digest-csto.txt', import.meta.url), 'utf8')

/** A random selection of up to 300 characters in the article. */
const selection = fc
  .tuple(fc.nat({ max: article.length - 1 }), fc.integer({ min: 1, max: 300 }))
  .map(([start, length]) => [start, Math.min(article.length, start + length)] as const)

/** Describe, skipping selections a user could not make into a highlight. */
function tryDescribe(start: number, end: number): Selectors | null {
  try {
    return describeRange(article, start, end)
  } catch (e) {
    if (e instanceof AnchoringError && e.code === 'whitespace-only') return null
    throw e
  }
}

/** True if quote and context together occur once: only then is "the same place" defined. */
function unambiguous(text: string, { quote }: Selectors): boolean {
  const whole = quote.prefix + quote.exact + quote.suffix
  const first = text.indexOf(whole)
  return first !== -1 && text.indexOf(whole, first + 1) === -1
}

describe('describe → anchor round trip on the news digest', () => {
  it('any highlight made on the article anchors back to the same words', () => {
    fc.assert(
      fc.property(selection, ([start, end]) => {
        const selectors = tryDescribe(start, end)
        if (!selectors) {
          expect(article.slice(start, end).trim()).toBe('')
          return
        }
        const { position, quote } = selectors
        expect(position.start).toBeGreaterThanOrEqual(start)
        expect(position.end).toBeLessThanOrEqual(end)
        expect(quote.exact).toBe(article.slice(start, end).trim())
        expect(anchor(article, selectors)).toEqual({ start: position.start, end: position.end, score: 1, method: 'position' })
      }),
      { numRuns: 300 }
    )
  })

  it('any highlight keeps its words when a paragraph is inserted before it', () => {
    fc.assert(
      fc.property(selection, fc.string({ minLength: 1, maxLength: 2000 }), ([start, end], inserted) => {
        const selectors = tryDescribe(start, end)
        if (!selectors) return
        const at = Math.max(0, selectors.position.start - selectors.quote.prefix.length)
        const updated = article.slice(0, at) + inserted + '\n\n' + article.slice(at)
        const found = anchor(updated, selectors)
        expect(found).not.toBeNull()
        expect(updated.slice(found!.start, found!.end)).toBe(selectors.quote.exact)
        if (unambiguous(updated, selectors)) {
          expect(found!.start).toBe(selectors.position.start + inserted.length + 2)
        }
      }),
      { numRuns: 200 }
    )
  })

  it('any highlight of a few words survives one character inside it being changed', () => {
    fc.assert(
      fc.property(selection, fc.double({ min: 0.2, max: 0.8, noNaN: true }), ([start, end], where) => {
        const selectors = tryDescribe(start, end)
        if (!selectors || selectors.quote.exact.length < 16) return
        const { position, quote } = selectors
        const at = position.start + Math.floor(quote.exact.length * where)
        // Only a highlight whose words are unique is sure to be found as the
        // same passage rather than another copy of it.
        fc.pre(article.indexOf(quote.exact) === article.lastIndexOf(quote.exact))
        const replacement = article[at] === '#' ? '%' : '#'
        const updated = article.slice(0, at) + replacement + article.slice(at + 1)
        const found = anchor(updated, selectors)
        expect(found?.method).toBe('fuzzy')
        expect(Math.abs(found!.start - position.start)).toBeLessThanOrEqual(1)
        expect(Math.abs(found!.end - position.end)).toBeLessThanOrEqual(1)
      }),
      { numRuns: 200 }
    )
  })
})
