import { describe, expect, it } from 'vitest'
import { fixtureText } from './test-library'
import { locateQuote } from './quote'

const text = fixtureText()
const HEADLINE = 'Stanislav Zas: In the Republic of Kazakhstan, the CSTO has sent a signal'

describe('locateQuote', () => {
  it('finds the first occurrence of a repeated quote when no context is given', () => {
    expect(locateQuote(text, HEADLINE)?.start).toBe(text.indexOf(HEADLINE))
  })

  it('picks the occurrence whose surroundings match the prefix or suffix', () => {
    const second = text.indexOf(HEADLINE, text.indexOf(HEADLINE) + 1)
    const prefix = text.slice(second - 12, second)
    expect(locateQuote(text, HEADLINE, { prefix })?.start).toBe(second)
    const phrase = 'all member States'
    const last = text.lastIndexOf(phrase)
    const suffix = text.slice(last + phrase.length, last + phrase.length + 20)
    expect(locateQuote(text, phrase, { suffix })?.start).toBe(last)
  })

  it('does not settle for similar words: a quote not in the text is not found', () => {
    expect(locateQuote(text, 'presented the Commander of the CPF')).toBeNull()
    expect(locateQuote(text, '')).toBeNull()
  })
})
