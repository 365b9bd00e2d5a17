import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeRange } from './describe'
import { AnchoringError } from './errors'

const article = readFileSync(new URL('../../../resources/news-digest-csto.txt', import.meta.url), 'utf8')

function rangeOf(phrase: string, text = article): [number, number] {
  const start = text.indexOf(phrase)
  if (start < 0) throw new Error(`fixture lacks ${phrase}`)
  return [start, start + phrase.length]
}

function refusal(f: () => unknown): AnchoringError {
  try {
    f()
  } catch (e) {
    if (e instanceof AnchoringError) return e
    throw e
  }
  throw new Error('expected an AnchoringError')
}

describe('describeRange', () => {
  it('stores the highlighted words with 32 characters of context either side', () => {
    const [start, end] = rangeOf('Major General Almaz Dzhumakeyev')
    const { position, quote } = describeRange(article, start, end)
    expect(position).toEqual({ type: 'TextPositionSelector', start, end })
    expect(quote.exact).toBe('Major General Almaz Dzhumakeyev')
    expect(quote.prefix).toBe(article.slice(start - 32, start))
    expect(quote.suffix).toBe(article.slice(end, end + 32))
    expect(quote.type).toBe('TextQuoteSelector')
  })

  it('anchors a selection with trailing spaces and a line break to the words', () => {
    const [start, end] = rangeOf('was held.')
    const { position, quote } = describeRange(article, start - 1, end + 3)
    expect(quote.exact).toBe('was held.')
    expect(position).toMatchObject({ start, end })
  })

  it('keeps shorter context at the very start and end of the article', () => {
    const first = describeRange(article, 0, 10)
    expect(first.quote).toMatchObject({ exact: '02.10.2024', prefix: '' })
    const last = describeRange(article, article.length - 4, article.length)
    expect(last.quote.suffix).toBe('')
    expect(last.quote.exact).toBe('news')
  })

  it('honours a custom context length', () => {
    const [start, end] = rangeOf('Bereg')
    const { quote } = describeRange(article, start, end, 5)
    expect(quote.prefix).toHaveLength(5)
    expect(quote.suffix).toHaveLength(5)
  })

  it('refuses a selection of only whitespace, saying so', () => {
    const blank = article.indexOf('\n\n\n')
    const error = refusal(() => describeRange(article, blank, blank + 3))
    expect(error.code).toBe('whitespace-only')
    expect(error.message).toMatch(/only whitespace/)
  })

  it('refuses an empty selection', () => {
    expect(refusal(() => describeRange(article, 40, 40)).code).toBe('empty-range')
  })

  it('refuses offsets outside the article, reversed or fractional', () => {
    for (const [start, end] of [
      [-1, 5],
      [10, article.length + 1],
      [20, 10],
      [1.5, 4],
      [Number.NaN, 4]
    ]) {
      const error = refusal(() => describeRange(article, start, end))
      expect(error.code).toBe('out-of-range')
      expect(error.message).toContain(String(article.length))
    }
  })
})
