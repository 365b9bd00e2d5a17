import { readFileSync } from 'node:fs'
import approxSearch from 'approx-string-match'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { findApproximate, findExact, maxErrorsFor } from './find-candidates'

const article = readFileSync(new URL('../../../resources/news-digest-csto.txt', import.meta.url), 'utf8')

/** `quote` with `edits` random single-character edits applied. */
function edit(quote: string, edits: Array<[number, number]>): string {
  let s = quote
  for (const [where, kind] of edits) {
    const at = where % (s.length + 1)
    if (kind === 0) s = s.slice(0, at) + '#' + s.slice(at)
    else if (kind === 1) s = s.slice(0, at) + s.slice(at + 1)
    else s = s.slice(0, at) + '§' + s.slice(at + 1)
  }
  return s
}

const editedQuote = (minLength: number, maxLength: number) =>
  fc
    .record({
      start: fc.nat({ max: article.length - maxLength }),
      length: fc.integer({ min: minLength, max: maxLength }),
      edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { maxLength: 12 })
    })
    .map(({ start, length, edits }) => edit(article.slice(start, start + length), edits))

describe('findExact', () => {
  it('finds every occurrence, overlapping ones included', () => {
    expect(findExact('aaaa', 'aa').map((c) => c.start)).toEqual([0, 1, 2])
    expect(findExact(article, 'Almaty')).toHaveLength(1)
    expect(findExact(article, '')).toEqual([])
  })
})

describe('findApproximate', () => {
  it('allows a quarter of the quote to differ', () => {
    expect(maxErrorsFor(40)).toBe(10)
    expect(maxErrorsFor(3)).toBe(0)
    expect(maxErrorsFor(10_000)).toBe(256)
  })

  it('short quotes: the shortcuts find as few errors as a search of the whole text', () => {
    fc.assert(
      fc.property(editedQuote(8, 64), fc.nat({ max: article.length }), (quote, hint) => {
        const maxErrors = maxErrorsFor(quote.length)
        const whole = approxSearch(article, quote, maxErrors)
        const fast = findApproximate(article, quote, maxErrors, hint)
        const fewest = (ms: Array<{ errors: number }>) => Math.min(...ms.map((m) => m.errors))
        expect(fast.length > 0).toBe(whole.length > 0)
        if (whole.length > 0) expect(fewest(fast)).toBe(fewest(whole))
      }),
      { numRuns: 150 }
    )
  })

  it('long quotes: a lightly edited passage is found with no more errors than were made', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: article.length - 400 }),
        fc.integer({ min: 65, max: 400 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 2 })), { maxLength: 10 }),
        (start, length, edits) => {
          const quote = edit(article.slice(start, start + length), edits)
          const found = findApproximate(article, quote, maxErrorsFor(quote.length))
          expect(found.length).toBeGreaterThan(0)
          expect(Math.min(...found.map((c) => c.errors))).toBeLessThanOrEqual(edits.length)
        }
      ),
      { numRuns: 100 }
    )
  })

  it('returns the best place near each promising region, not only the closest match overall', () => {
    // The near-duplicate sentence later in the article differs from this
    // rewritten quote by fewer edits than its own passage does.
    const original =
      'The CSTO is considering the possibility of deploying a peacekeeping contingent of the Organization outside its area of responsibility'
    const rewritten = original.replace('is considering', 'is now weighing').replace('contingent', 'force')
    const text = article.replace(original, rewritten)
    const found = findApproximate(text, original, maxErrorsFor(original.length), text.indexOf(rewritten))
    const places = found.map((c) => text.slice(c.start, c.end))
    expect(places).toContain(rewritten)
    expect(places.some((p) => p.startsWith('the CSTO is still considering'))).toBe(true)
  })
})
