import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { matchQuote } from './match-quote'

const article = readFileSync(new URL('../../../resources/news-digest-csto.txt', import.meta.url), 'utf8')
const headline =
  'Stanislav Zas: In the Republic of Kazakhstan, the CSTO has sent a signal to the whole world - we do not leave allies behind'

describe('matchQuote', () => {
  it('scores a verbatim quote in its original surroundings as a perfect 1', () => {
    const start = article.indexOf('Indestructible Brotherhood-2024')
    const match = matchQuote(article, 'Indestructible Brotherhood-2024', {
      prefix: article.slice(start - 32, start),
      suffix: article.slice(start + 31, start + 63),
      hint: start
    })
    expect(match).toMatchObject({ start, end: start + 31, errors: 0, score: 1 })
  })

  it('tells a repeated headline apart by the text that follows it', () => {
    const first = article.indexOf(headline)
    const second = article.indexOf(headline, first + 1)
    expect(second).toBeGreaterThan(first)

    const afterSecond = matchQuote(article, headline, { suffix: ' 30.05.2022\n\nThe Collective' })
    expect(afterSecond?.start).toBe(second)
    const afterFirst = matchQuote(article, headline, { suffix: '\n\nStanislav Zas: In the Republic' })
    expect(afterFirst?.start).toBe(first)
  })

  it('prefers the occurrence nearest the old position when nothing else differs', () => {
    const occurrences = [...article.matchAll(/Kazakhstan/g)].map((m) => m.index)
    const target = occurrences[5]
    expect(matchQuote(article, 'Kazakhstan', { hint: target + 3 })?.start).toBe(target)
  })

  it('finds a quote whose words were edited, with a score below 1', () => {
    const edited = article.replace('Coordination Council of authorized bodies', 'Co-ordination Council of the authorised bodies')
    const match = matchQuote(edited, 'the Coordination Council of authorized bodies of the CSTO', {})
    expect(match).not.toBeNull()
    expect(edited.slice(match!.start, match!.end)).toBe('the Co-ordination Council of the authorised bodies of the CSTO')
    expect(match!.errors).toBeGreaterThan(0)
    expect(match!.score).toBeGreaterThan(0.5)
    expect(match!.score).toBeLessThan(1)
  })

  it('keeps every score within 0 to 1', () => {
    for (const quote of ['CSTO', 'the Organization', 'Collective Securty Treaty', 'NATO hsa never been']) {
      const match = matchQuote(article, quote, { prefix: 'unrelated prefix text', suffix: 'nothing like it', hint: 99_999 })
      expect(match).not.toBeNull()
      expect(match!.score).toBeGreaterThanOrEqual(0)
      expect(match!.score).toBeLessThanOrEqual(1)
    }
  })

  it('finds nothing for an empty quote or one unlike anything in the text', () => {
    expect(matchQuote(article, '', {})).toBeNull()
    expect(matchQuote(article, 'zqxjkvwzqxjkvwzqxjkvw', {})).toBeNull()
  })
})
