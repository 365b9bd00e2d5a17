import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseText } from './text'
import { ImportError, type ParseResult } from './types'

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const parse = (bytes: Uint8Array, source = '/home/u/notes/my-article.txt'): ParseResult => {
  const r = parseText({ bytes, source })
  if (r instanceof Promise) throw new Error('parseText is synchronous')
  return r
}
const one = (text: string) => {
  const r = parse(utf8(text))
  expect(r.docs).toHaveLength(1)
  return r.docs[0]
}

describe('parseText', () => {
  it('imports the CSTO fixture as six articles', () => {
    const r = parse(new Uint8Array(readFileSync(join(__dirname, '../../../../resources/news-digest-csto.txt'))))
    expect(r.format).toBe('text')
    expect(r.encoding).toBe('UTF-8')
    expect(r.docs).toHaveLength(6)
    expect(r.docs[5].author).toBe('Nikita Vyatchanin')
  })

  it('reads title, byline and date from the top of a single article', () => {
    const d = one('The Quiet Archive\nBy Jane Doe\n\nSeptember 26, 2024\n\nFirst paragraph,\nwrapped over lines that are long enough to be prose and not verse at all.\n\nSecond paragraph.')
    expect(d).toMatchObject({ title: 'The Quiet Archive', author: 'Jane Doe', published: '2024-09-26' })
    expect(d.html).toContain('<p>First paragraph, wrapped over lines that are long enough to be prose and not verse at all.</p>\n<p>Second paragraph.</p>')
    expect(d.html).not.toContain('The Quiet Archive')
  })

  it('reads "Author:" and "Автор:" bylines', () => {
    expect(one('Title here\n\nAuthor: Nikita Vyatchanin\n\nBody text.').author).toBe('Nikita Vyatchanin')
    expect(one('Заголовок статьи\n\nАвтор: Иван Петров\n\nТекст статьи.').author).toBe('Иван Петров')
  })

  it('does not take "By the way…" for a byline', () => {
    expect(one('Title\n\nBy the way, this is prose.\n\nMore prose.').author).toBeNull()
  })

  it('keeps the line breaks of verse', () => {
    const d = one('Winter Evening\n\nThe storm is covering the sky\nWith swirling snowy whirlwinds,\nNow like a beast it starts to howl\nNow like a child it cries')
    expect(d.title).toBe('Winter Evening')
    expect(d.html).toBe('<p>The storm is covering the sky<br>\nWith swirling snowy whirlwinds,<br>\nNow like a beast it starts to howl<br>\nNow like a child it cries</p>')
  })

  it('renders lists, headings and links, and escapes text', () => {
    const long = 'This paragraph is long enough to count as prose around a heading, which needs a few words.'
    const d = one(`Title\n\n${long}\n\nMethods\n\n${long}\n\n• one <b>\n• two & three\n\nSee https://example.org/a?b=1&c=2.`)
    expect(d.html).toContain('<h2>Methods</h2>')
    expect(d.html).toContain('<ul>\n<li>one &lt;b&gt;</li>\n<li>two &amp; three</li>\n</ul>')
    expect(d.html).toContain('<p>See <a href="https://example.org/a?b=1&amp;c=2">https://example.org/a?b=1&amp;c=2</a>.</p>')
    expect(d.html).not.toContain('<b>')
  })

  it('titles an article without a headline from its first sentence', () => {
    const d = one('Mr. Smith went to Washington on Tuesday and met T.S. Eliot at the station. They talked.')
    expect(d.title).toBe('Mr. Smith went to Washington on Tuesday and met T.S. Eliot at the station')
  })

  it('falls back to the file name when there is no text to title from', () => {
    expect(parse(utf8('02.10.2024\n'), 'C:\\notes\\meeting-notes.txt').docs[0].title).toBe('meeting-notes')
  })

  it('decodes legacy Russian digests before splitting them', () => {
    const text = [
      '26 сентября 2024', '', 'В Москве прошла конференция по безопасности.', '',
      '25 сентября 2024', '', 'Министры встретились в Нью-Йорке.'
    ].join('\r\n')
    for (const enc of ['windows-1251', 'koi8-r']) {
      const r = parse(new Uint8Array(iconv.encode(text, enc)))
      expect(r.encoding?.toLowerCase()).toBe(enc)
      expect(r.docs.map((d) => d.title)).toEqual(['В Москве прошла конференция по безопасности', 'Министры встретились в Нью-Йорке'])
    }
  })

  it('reads UTF-16 with BOM', () => {
    const r = parse(new Uint8Array([0xff, 0xfe, ...iconv.encode('Titre\n\nÇa a été très agréable.', 'utf16le')]))
    expect(r.encoding).toBe('UTF-16LE')
    expect(r.docs[0]).toMatchObject({ title: 'Titre', html: '<p>Ça a été très agréable.</p>' })
  })

  it('throws ImportError for empty and binary files', () => {
    expect(() => parse(utf8('  \n\n '))).toThrow(ImportError)
    expect(() => parse(utf8('  \n\n '))).toThrow(/file is empty/)
    expect(() => parse(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x08, 0]))).toThrow(/binary or undecodable data/)
    expect(() => parse(utf8('Go back\n\nBack to the section\n'))).toThrow(/no article text/)
  })
})
