// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { canonicalize } from '../../../main/core/import/canonical'
import { parseArticle, blockAt } from './parse'
import { TextIndex } from './text-index'

function build(html: string) {
  const root = document.createElement('div')
  root.innerHTML = html
  return { root, index: new TextIndex(root) }
}

const FIXTURE = resolve(import.meta.dirname, '../../../../resources/news-digest-csto.txt')

describe('text offsets in the reader', () => {
  it('the page text of a stored article is exactly its stored text, emoji, CJK, RTL, nbsp and combining marks included', () => {
    const source =
      '<h2>Épreuve 👩🏽‍🔬 test</h2><p>Caf\u0065\u0301 &nbsp;and 東京 and עברית&nbsp;text</p><ul><li>one</li><li>two <em>emph</em></li></ul>' +
      '<pre>\n  code\n</pre><p>a<br>b</p>'
    const { html, text } = canonicalize(source)
    const parsed = parseArticle(html)
    expect(parsed.index.text()).toBe(text)
    expect(parsed.index.length).toBe(text.length)
    expect(parsed.blockStarts[parsed.blocks.length]).toBe(text.length)
  })

  it('a real article keeps its text when parsed by the reader', () => {
    const raw = readFileSync(FIXTURE, 'utf8')
    const html = raw.split(/\n\s*\n/).map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')
    const c = canonicalize(html)
    expect(parseArticle(c.html).index.text()).toBe(c.text)
  })

  it('maps offsets to DOM points and back', () => {
    const { root, index } = build('<p>Hello <b>brave</b> world</p><p>again</p>')
    expect(index.text()).toBe('Hello brave worldagain')
    for (let o = 0; o <= index.length; o++) {
      const p = index.locate(o)!
      expect(index.offsetOf(p.node, p.offset, root)).toBe(o)
    }
  })

  it('a range boundary between two nodes starts in the next node and ends in the previous one', () => {
    const { index } = build('<p>ab<b>cd</b></p>')
    expect(index.locate(2, 'forward')).toEqual({ node: index.nodes[1], offset: 0 })
    expect(index.locate(2, 'backward')).toEqual({ node: index.nodes[0], offset: 2 })
    const r = index.range(1, 3)!
    expect(r.toString()).toBe('bc')
  })

  it('element boundary points map to the text that follows them', () => {
    const { root, index } = build('<p>ab</p><p><img alt="x">cd</p>')
    const p2 = root.children[1]
    expect(index.offsetOf(p2, 0, root)).toBe(2)
    expect(index.offsetOf(p2, 1, root)).toBe(2)
    expect(index.offsetOf(p2, 2, root)).toBe(4)
    expect(index.offsetOf(root, 2, root)).toBe(4)
    expect(index.offsetOf(document.body, 0, root)).toBeNull()
  })

  it('finds the block holding an offset', () => {
    const parsed = parseArticle('<p>aaa</p><hr><p>bbb</p>')
    expect(blockAt(parsed.blockStarts, 0)).toBe(0)
    expect(blockAt(parsed.blockStarts, 3)).toBe(2)
    expect(blockAt(parsed.blockStarts, 5)).toBe(2)
  })

  it('lists headings with their offsets for the contents', () => {
    const parsed = parseArticle('<h2>One</h2><p>text</p><h3>Two  <em>b</em></h3><h5>deep</h5>')
    expect(parsed.headings).toEqual([
      { level: 2, text: 'One', start: 0 },
      { level: 3, text: 'Two b', start: 7 }
    ])
  })
})
