// @vitest-environment jsdom
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canonicalize } from '../../../main/core/import/canonical'
import { blockAt, blockSource, TextMismatch } from './parse'
import { splitHtml } from '../../../shared/html-blocks'

const FIXTURE = resolve(import.meta.dirname, '../../../../resources/news-digest-csto.txt')

/** Shows every block of the article in order and returns the page's text. */
function shownText(html: string, text: string, whole = false): string {
  const source = blockSource(html, text, whole)
  source.ensure(Infinity)
  const page = document.createElement('div')
  let shown = ''
  for (let i = 0; i < source.count; i++) {
    const t = source.take(i, i + 1)
    shown += t.nodes.map((n) => n.data).join('')
    page.appendChild(t.fragment)
  }
  expect(page.textContent).toBe(shown)
  return shown
}

const TRICKY =
  '<h2>Épreuve 👩🏽‍🔬 test</h2><p>Caf\u0065\u0301 &nbsp;and 東京 and עברית&nbsp;text &amp; &lt;tags&gt;</p>' +
  '<ul><li>one</li><li>two <em>emph</em></li></ul><pre>\n  code\n</pre><p>a<br>b</p><table><tr><td>cell</td></tr></table>' +
  'loose text<hr><blockquote><p>quoted <a href="https://x.org/?a=1&amp;b=2">link</a></p></blockquote>'

describe('the reader shows exactly the stored text', () => {
  it('blocks cut from canonical HTML hold the stored text: emoji, combining marks, CJK, RTL, &nbsp;, <pre>, tables', () => {
    const { html, text } = canonicalize(TRICKY)
    expect(splitHtml(html)?.textLength).toBe(text.length)
    expect(shownText(html, text)).toBe(text)
    expect(shownText(html, text, true)).toBe(text)
  })

  it('a real article keeps its text', () => {
    const raw = readFileSync(FIXTURE, 'utf8')
    const html = raw.split(/\n\s*\n/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')
    const c = canonicalize(html)
    expect(shownText(c.html, c.text)).toBe(c.text)
  })

  it('any canonical HTML made of common elements is cut into blocks that hold its text', () => {
    const word = fc.constantFrom('alpha', 'Ж', '東京', '😀', 'a&b', '<x>', ' ', '\n', '\u00a0', 'e\u0301')
    const inline = fc.array(fc.oneof(word, word.map((w) => `<em>${w}</em>`), fc.constant('<br>')), { maxLength: 6 }).map((a) => a.join(''))
    const block = fc.oneof(
      inline.map((s) => `<p>${s}</p>`),
      inline.map((s) => `<h3>${s}</h3>`),
      fc.array(inline, { maxLength: 3 }).map((items) => `<ul>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`),
      inline.map((s) => `<pre>\n${s}</pre>`),
      inline
    )
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const escaped = blocks.join('').replace(/&(?![a-z]+;)/g, '&amp;')
        const { html, text } = canonicalize(escaped)
        expect(shownText(html, text)).toBe(text)
      }),
      { numRuns: 150 }
    )
  })

  it('the second sanitiser removes nothing from stored content, and strips what should never be there', () => {
    const { html, text } = canonicalize(TRICKY)
    const source = blockSource(html, text)
    source.ensure(Infinity)
    expect(source.take(0, source.count).removed).toBe(0)
    const hostile = blockSource('<p>a<img src="x" onerror="alert(1)">b</p>', 'ab')
    hostile.ensure(Infinity)
    const taken = hostile.take(0, hostile.count)
    expect(taken.removed).toBeGreaterThan(0)
    const box = document.createElement('div')
    box.appendChild(taken.fragment)
    expect(box.innerHTML).not.toContain('onerror')
  })

  it('HTML not in canonical form is parsed whole rather than cut', () => {
    expect(splitHtml('<p>unclosed <b>bold</p>')).toBeNull()
    expect(splitHtml('<p>x</p><!-- c -->')).toBeNull()
    expect(splitHtml('<p>&copy;</p>')).toBeNull()
    const html = '<p>a &copy; b</p><p>c</p>'
    expect(() => blockSource(html, 'a © bc').ensure(Infinity)).toThrow(TextMismatch)
    expect(shownText(html, 'a © bc', true)).toBe('a © bc')
  })

  it('a block whose text differs from the stored text is refused', () => {
    const { html, text } = canonicalize('<p>one</p><p>two</p>')
    const source = blockSource(html, text.replace('two', 'TWO'))
    source.ensure(Infinity)
    expect(() => source.take(0, source.count)).toThrow(/do not hold the article's text/)
  })

  it('a book is scanned only as far as asked: the first screen does not wait for the rest', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) => `<p>Paragraph ${i} of a long book.</p>`).join('')
    const { html, text } = canonicalize(paragraphs)
    const source = blockSource(html, text)
    source.ensure(500)
    expect(source.complete).toBe(false)
    expect(source.count).toBeLessThan(400)
    expect(source.starts[source.count]).toBeGreaterThan(500)
    while (!source.complete) source.advance(10_000)
    expect(source.starts[source.count]).toBe(text.length)
  })

  it('finds the block holding an offset', () => {
    const source = blockSource('<p>aaa</p><hr><p>bbb</p>', 'aaabbb')
    source.ensure(Infinity)
    expect(blockAt(source.starts, 0)).toBe(0)
    expect(blockAt(source.starts, 3)).toBe(2)
    expect(blockAt(source.starts, 5)).toBe(2)
  })

  it('lists headings with their offsets for the contents', () => {
    const { html, text } = canonicalize('<h2>One</h2><p>text</p><h3>Two  <em>b</em></h3><h5>deep</h5>')
    for (const whole of [false, true]) {
      const source = blockSource(html, text, whole)
      source.ensure(Infinity)
      expect(source.headings).toEqual([
        { level: 2, text: 'One', start: 0 },
        { level: 3, text: 'Two b', start: text.indexOf('Two') }
      ])
    }
  })
})
