import { describe, expect, it } from 'vitest'
import { ScholiaError } from '../../../shared/errors'
import { annotationMatch, articleMatch } from './fts'
import { MAX_TERMS, parseQuery } from './parse'

function refusal(q: string): string {
  try {
    parseQuery(q)
  } catch (e) {
    expect(e).toBeInstanceOf(ScholiaError)
    expect((e as ScholiaError).code).toBe('invalid_argument')
    return (e as Error).message
  }
  throw new Error(`query ${q} was accepted`)
}

describe('search query syntax', () => {
  it('reads words, phrases, exclusions and prefixes', () => {
    const q = parseQuery('ice "hundred thousand" -snow glaci*')
    expect(q.terms).toEqual([
      { text: 'ice', phrase: false, prefix: false },
      { text: 'hundred thousand', phrase: true, prefix: false },
      { text: 'glaci', phrase: false, prefix: true }
    ])
    expect(q.excluded).toEqual([{ text: 'snow', phrase: false, prefix: false }])
  })

  it('folds ё to е in every term, as the index does', () => {
    expect(parseQuery('Ёлки учёные').terms.map((t) => t.text)).toEqual(['Елки', 'ученые'])
  })

  it('reads every operator, with quoted values', () => {
    const q = parseQuery(
      'tag:region/kazakhstan -tag:draft author:"Leo Tolstoy" after:2024-01-01 before:2025 color:yellow is:annotated is:unread in:notes'
    )
    expect(q.tags).toEqual(['region/kazakhstan'])
    expect(q.notTags).toEqual(['draft'])
    expect(q.authors).toEqual([{ text: 'Leo Tolstoy', phrase: true, prefix: false }])
    expect(q.after).toBe('2024-01-01')
    expect(q.before).toBe('2025')
    expect(q.colors).toEqual(['yellow'])
    expect(q.annotated).toBe(true)
    expect(q.read).toBe(false)
    expect(q.scope).toBe('notes')
  })

  it('quotes every term for FTS5, so FTS5 syntax typed by the user is just text', () => {
    expect(articleMatch(parseQuery('NEAR(a b) x^ {title}'))).toBe('("NEAR(a" AND "b)" AND "x^" AND "{title}")')
    expect(articleMatch(parseQuery('"say ""hi"""'))).toBe('("say " AND "hi")')
    expect(articleMatch(parseQuery('AND OR NOT'))).toBe('("AND" AND "OR" AND "NOT")')
    expect(articleMatch(parseQuery('x -y -z'))).toBe('(("x")) NOT ("y" OR "z")')
    expect(annotationMatch(parseQuery('x in:notes'))).toBe('note : ("x")')
  })

  it('drops a term with nothing searchable instead of emptying the results', () => {
    expect(parseQuery('war & peace —').terms.map((t) => t.text)).toEqual(['war', 'peace'])
  })

  it('refuses malformed queries with a message that says how to fix them', () => {
    expect(refusal('"unclosed phrase')).toMatch(/unclosed quote .* add the closing "/)
    expect(refusal('colour:mauve')).toMatch(/unknown colour "mauve" — use one of yellow, green/)
    expect(refusal('after:2024-13-01')).toMatch(/after:2024-13-01 is not a date — write after:2024-03-31/)
    expect(refusal('before:yesterday')).toMatch(/is not a date/)
    expect(refusal('is:lost')).toMatch(/unknown is:lost — use is:annotated/)
    expect(refusal('in:drafts')).toMatch(/unknown in:drafts/)
    expect(refusal('in:notes in:articles')).toMatch(/cannot both hold/)
    expect(refusal('tag:')).toMatch(/tag: needs a value, e.g. tag:region\/kazakhstan/)
    expect(refusal('https://example.com')).toMatch(/unknown operator "https:" .* put it in quotes/)
    expect(refusal('wo*rd')).toMatch(/"\*" only works at the end of a word/)
    expect(refusal('a*')).toMatch(/prefix "a\*" is too short/)
    expect(refusal('*')).toMatch(/no letters before \*/)
    expect(refusal(Array(MAX_TERMS + 1).fill('w').join(' '))).toMatch(/more than 32 terms/)
    expect(refusal('-after:2024')).toMatch(/not supported/)
  })

  it('takes "10:30" and hyphenated words as text, not operators', () => {
    expect(parseQuery('10:30 e-mail').terms.map((t) => t.text)).toEqual(['10:30', 'e-mail'])
  })
})
