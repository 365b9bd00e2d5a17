import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from './markdown'
import { ImportError, type ParsedDoc, type ParseResult } from './types'

const parse = (text: string | Uint8Array, source = '/notes/field-notes.md'): ParseResult => {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text
  const r = parseMarkdown({ bytes, source })
  if (r instanceof Promise) throw new Error('parseMarkdown is synchronous')
  return r
}
const doc = (text: string, source?: string): ParsedDoc => parse(text, source).docs[0]

describe('parseMarkdown', () => {
  it('reads front matter', () => {
    const r = parse(
      '---\ntitle: "Field notes: Almaty"\nauthor: Ann Lee\ndate: 2024-09-26\ntags: [region/kazakhstan, csto]\nsource: https://example.org/notes\nlang: en\n---\n\nBody *text*.\n'
    )
    expect(r.format).toBe('markdown')
    expect(r.docs).toHaveLength(1)
    expect(r.docs[0]).toEqual({
      title: 'Field notes: Almaty',
      author: 'Ann Lee',
      published: '2024-09-26',
      html: '<p>Body <em>text</em>.</p>',
      url: 'https://example.org/notes',
      language: 'en',
      tags: ['region/kazakhstan', 'csto']
    })
  })

  it('accepts comma-separated tags, "published", "url" and author lists', () => {
    const d = doc('---\ntitle: T\nauthor:\n  - Ann\n  - name: Bob\npublished: 26 September 2024\ntags: "a, b , a,"\nurl: https://e.org/x\n---\ntext')
    expect(d).toMatchObject({ author: 'Ann, Bob', published: '2024-09-26', tags: ['a', 'b'], url: 'https://e.org/x' })
  })

  it('keeps full ISO timestamps and ignores dates it cannot read', () => {
    expect(doc('---\ndate: 2024-09-26T10:30:00Z\n---\nx').published).toBe('2024-09-26T10:30:00Z')
    expect(doc('---\ndate: sometime\n---\nx').published).toBeNull()
  })

  it('takes the title from the first # heading and does not repeat it', () => {
    const d = doc('# The *Real* Title &amp; More\n\nIntro.\n\n## Part\n\nText.')
    expect(d.title).toBe('The Real Title & More')
    expect(d.html).toBe('<p>Intro.</p>\n<h2>Part</h2>\n<p>Text.</p>')
  })

  it('drops an opening # heading that repeats the front-matter title, keeps a different one', () => {
    expect(doc('---\ntitle: Same\n---\n# Same\n\nx').html).toBe('<p>x</p>')
    expect(doc('---\ntitle: Meta\n---\n# Other\n\nx').html).toBe('<h1>Other</h1>\n<p>x</p>')
  })

  it('falls back to the file name', () => {
    expect(doc('Just text.', 'C:\\docs\\Reading list.markdown').title).toBe('Reading list')
    expect(doc('## Only a subheading\n\ntext').title).toBe('field-notes')
  })

  it('passes raw HTML through for the sanitiser', () => {
    expect(doc('Water is H<sub>2</sub>O.\n\n<div class="note">hi</div>').html).toBe('<p>Water is H<sub>2</sub>O.</p>\n<div class="note">hi</div>')
  })

  it('renders GFM tables and keeps reference links working after dropping the title', () => {
    const d = doc('# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee [the site][s].\n\n[s]: https://example.org')
    expect(d.html).toContain('<table>')
    expect(d.html).toContain('<a href="https://example.org">the site</a>')
  })

  it('handles CRLF files, a BOM and empty front matter', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('---\r\n---\r\n# Hi\r\n\r\ntext\r\n')])
    expect(parse(bytes).docs[0]).toMatchObject({ title: 'Hi', html: '<p>text</p>' })
  })

  it('decodes legacy encodings', () => {
    const r = parse(new Uint8Array(iconv.encode('# Заголовок статьи\n\nТекст статьи о коллективной безопасности.', 'windows-1251')))
    expect(r.encoding).toBe('windows-1251')
    expect(r.docs[0].title).toBe('Заголовок статьи')
  })

  it('reports front matter whose aliases cannot be resolved, or would expand without end, as malformed', () => {
    // Found by the fuzzer: YAML resolves aliases only when the values are read, past the parse errors.
    expect(() => parse('---\ntitle: *!\n---\n')).toThrow(ImportError)
    expect(() => parse('---\ntitle: *!\n---\n')).toThrow(/^malformed YAML front matter at line 2 \(Unresolved alias.*\) — fix it or remove the front matter$/)
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x]']
    for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(', ')}]`)
    expect(() => parse(`---\n${laughs.join('\n')}\ntitle: t\n---\nbody`)).toThrow(/^malformed YAML front matter at line 2 \(Excessive alias count/)
  })

  it('reports malformed front matter with the file line', () => {
    const bad = '---\ntitle: ok\nauthor: Ann: Lee\ntags: x\n---\nbody'
    expect(() => parse(bad)).toThrow(ImportError)
    expect(() => parse(bad)).toThrow(/^malformed YAML front matter at line 3 \("author: Ann: Lee"\): Nested mappings/)
    // An unclosed bracket is reported where YAML notices it, the line after.
    expect(() => parse('---\ntitle: ok\nauthor: [unclosed\ntags: x\n---\nbody')).toThrow(/at line 4 \("tags: x"\)/)
    expect(() => parse('---\ntitle: a\ntitle: b\n---\nx')).toThrow(/line 3/)
    expect(() => parse('---\n- a\n- b\n---\nx')).toThrow(/front matter at line 2 is not a list of "key: value" lines/)
    try {
      parse(bad)
    } catch (e) {
      expect((e as Error).message).not.toContain('\n')
    }
  })

  it('treats an unclosed "---" block as ordinary Markdown', () => {
    expect(doc('---\n\nJust a rule above.').html).toBe('<hr>\n<p>Just a rule above.</p>')
  })

  it('rejects empty files', () => {
    expect(() => parse('')).toThrow(/file is empty/)
  })
})
