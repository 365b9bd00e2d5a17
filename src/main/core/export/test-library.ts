/**
 * Test support: the fixed small library the export fixtures are made from —
 * the shared sample data (English and Cyrillic articles, an article note,
 * tagged highlights, a tombstone, identity "Аня") plus an article whose title
 * and notes try every trick an export must survive: markup, a Windows device
 * name, path characters, formulas for spreadsheets, a multi-line quote.
 * Not used by the app.
 */
import { createHash } from 'node:crypto'
import { createAnnotation } from '../annotations/create'
import { insertArticle } from '../articles/repo'
import type { Library } from '../library'
import { tagArticle } from '../tags/attach'
import { fillSampleData, type SampleIds } from '../testing/sample-data'

export const TRICKY_TITLE = 'CON: <script>alert("t")</script> a/b?'
const TRICKY_TEXT = 'Line one of a poem,\nline two of it.\n=SUM(A1:A9) is a formula in the text. Profit +40% and -5 °C, @home.'

export interface FixtureIds extends SampleIds {
  tricky: string
}

/** Fills an empty library with the fixture data; every timestamp fixed, so exports differ only in ids. */
export function fillExportFixture(lib: Library): FixtureIds {
  const ids = fillSampleData(lib)
  const html = TRICKY_TEXT.split('\n').map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')
  const tricky = lib.write(() => {
    const a = insertArticle(
      lib,
      {
        title: TRICKY_TITLE, author: 'Ivan "Vanya" Petrov, Jr.', published: '2024-04-01', source: 'https://example.org/poem?a=1&b=2',
        site: 'example.org', format: 'html', encoding: 'UTF-8', language: 'en', html, text: TRICKY_TEXT.replace(/\n/g, '\n'),
        contentHash: createHash('sha256').update(html).digest('hex')
      },
      '2024-04-02T08:00:00.000Z'
    )
    tagArticle(lib, a.rowid, 'poetry')
    return a.id
  })
  const at = (quote: string) => {
    const start = TRICKY_TEXT.indexOf(quote)
    return { start, end: start + quote.length }
  }
  const when = '2024-04-03T10:00:00.000Z'
  createAnnotation(lib, { articleId: tricky, ...at('Line one of a poem,\nline two'), color: 'pink', note: 'Two lines, "quoted", with a comma.\nAnd a second line.', tags: ['poetry/form'] }, when)
  createAnnotation(lib, { articleId: tricky, ...at('=SUM(A1:A9)'), color: 'blue', note: '=HYPERLINK("http://evil.example","click")', tags: [] }, when)
  createAnnotation(lib, { articleId: tricky, ...at('+40%'), color: 'yellow', note: '+1 and <script>alert(1)</script>', tags: [] }, when)
  createAnnotation(lib, { articleId: tricky, ...at('-5 °C'), color: 'orange', note: '@SUM(1)', tags: [] }, when)
  createAnnotation(lib, { articleId: tricky, ...at('@home'), color: 'purple', note: '\tTabbed note', tags: [] }, when)
  return { ...ids, tricky }
}

/** Replaces every UUID in `text` by ID-1, ID-2… in order of first appearance, so fixtures compare across runs. */
export function stableIds(text: string): string {
  const seen = new Map<string, string>()
  return text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
    if (!seen.has(id)) seen.set(id, `ID-${seen.size + 1}`)
    return seen.get(id)!
  })
}
