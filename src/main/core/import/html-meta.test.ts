import { describe, expect, it } from 'vitest'
import { findJsonLdArticle, normalizeDate } from './html-meta'

describe('publication dates', () => {
  it('keeps ISO dates and timestamps, with the writer\'s own offset', () => {
    expect(normalizeDate('2024-03-05')).toBe('2024-03-05')
    expect(normalizeDate(' 2024-03-05T23:30:00+0300 ')).toBe('2024-03-05T23:30:00+03:00')
    expect(normalizeDate('2024-03-05 10:00Z')).toBe('2024-03-05T10:00Z')
    expect(normalizeDate('2024-03-05T10:00:00.123-05:00')).toBe('2024-03-05T10:00:00.123-05:00')
  })

  it('reads compact, partial and human-written dates', () => {
    expect(normalizeDate('20240305')).toBe('2024-03-05')
    expect(normalizeDate('2019')).toBe('2019-01-01')
    expect(normalizeDate('2019-06')).toBe('2019-06-01')
    expect(normalizeDate('March 5, 2024')).toBe('2024-03-05')
    expect(normalizeDate('Tue, 05 Mar 2024 10:00:00 GMT')).toBe('2024-03-05T10:00:00.000Z')
  })

  it('returns null for impossible or unreadable dates', () => {
    expect(normalizeDate('2024-02-30')).toBeNull()
    expect(normalizeDate('0001-01-01')).toBeNull()
    expect(normalizeDate('yesterday')).toBeNull()
    expect(normalizeDate('')).toBeNull()
    expect(normalizeDate(null)).toBeNull()
  })
})

describe('JSON-LD', () => {
  it('finds the article node in a graph, in arrays and with several types', () => {
    const graph = JSON.stringify({ '@graph': [{ '@type': 'WebPage' }, { '@type': ['Thing', 'NewsArticle'], headline: 'H' }] })
    expect(findJsonLdArticle([graph])?.headline).toBe('H')
    expect(findJsonLdArticle([JSON.stringify([{ '@type': 'BlogPosting', headline: 'B' }])])?.headline).toBe('B')
  })

  it('tolerates raw newlines in strings and skips invalid blocks', () => {
    expect(findJsonLdArticle(['{ nope', '{"@type":"Article","headline":"two\nlines"}'])?.headline).toBe('two lines')
    expect(findJsonLdArticle(['{"@type":"Organization"}'])).toBeNull()
  })
})
