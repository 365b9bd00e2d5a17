import { describe, expect, it } from 'vitest'
import { parseQuery } from './parse'
import { snippet, snippetText, TermMatcher } from './snippet'

const marks = (q: string, text: string) => new TermMatcher(parseQuery(q).terms).find(text).map((m) => text.slice(m.start, m.end))

describe('snippet marks', () => {
  it('marks whole words only, in any case, with or without diacritics, ё as е', () => {
    expect(marks('cafe', 'Café, CAFE and cafeteria')).toEqual(['Café', 'CAFE'])
    expect(marks('елка', 'Ёлка и елка, но не елками')).toEqual(['Ёлка', 'елка'])
    expect(marks('ИСТОРИЯ', 'история Истории')).toEqual(['история'])
    expect(marks('istanbul', 'İstanbul')).toEqual(['İstanbul'])
  })

  it('marks the whole word a prefix matched, and phrases only in order', () => {
    expect(marks('glaci*', 'Glaciers and glacial lakes; unglacial')).toEqual(['Glaciers', 'glacial'])
    expect(marks('"hundred thousand"', 'a hundred  thousand years, thousand hundred')).toEqual(['hundred  thousand'])
  })

  it('does not mark excluded words', () => {
    expect(marks('ice -snow', 'ice and snow')).toEqual(['ice'])
  })

  it('cuts the window with the most different terms and collapses whitespace', () => {
    const text = `alpha ${'filler '.repeat(100)}alpha\n\nbeta gamma ${'filler '.repeat(100)}`
    const s = snippetText(snippet(text, new TermMatcher(parseQuery('alpha beta gamma').terms)))
    expect(s).toMatch(/^….*\[alpha\] \[beta\] \[gamma\].*…$/)
    expect(s).not.toMatch(/\n/)
  })

  it('starts at the beginning of the text when nothing matches', () => {
    expect(snippetText(snippet('Title only matched. Body text.', new TermMatcher(parseQuery('zzz').terms)))).toBe('Title only matched. Body text.')
  })
})
