// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { canonicalize } from '../../../main/core/import/canonical'
import { splitHtml } from '../../../shared/html-blocks'
import { blockSource } from './parse'

const TRICKY =
  '<h2>Épreuve 👩🏽‍🔬 test</h2><p>Caf\u0065\u0301 &nbsp;and 東京 and עברית&nbsp;text &amp; &lt;tags&gt;</p>' +
  '<ul><li>one</li><li>two <em>emph</em></li></ul><pre>\n\n  code\n</pre><p>a<br>b</p><table><tr><td>cell</td></tr></table>' +
  'loose text<hr><blockquote><p>quoted <a href="https://x.org/?a=1&amp;b=2">link</a></p></blockquote><h3>End</h3>tail'

const textOf = (nodes: Text[]) => nodes.map((n) => n.data).join('')

describe('a book reopened part-way, shown from the blocks holding the position before the ones above it', () => {
  it('from any block boundary: the blocks from there hold the text at the same offsets, and once the whole arrives the earlier blocks come before them with the same offsets, headings and text as a scan from the start', () => {
    const { html, text } = canonicalize(TRICKY)
    const whole = splitHtml(html)!
    const starts = [0]
    for (const b of whole.blocks) starts.push(starts[starts.length - 1] + b.textLength)
    const fromStart = blockSource(html, text)
    fromStart.ensure(Infinity)
    for (let k = 1; k < whole.blocks.length; k++) {
      const base = { text: starts[k], html: whole.blocks[k].from }
      // The part given first: from block k to the end of block k + 2 (or the end); what comes before is filler.
      const end = Math.min(whole.blocks.length, k + 3)
      const partHtml = html.slice(base.html, whole.blocks[end - 1].to)
      const partText = '\uffff'.repeat(base.text) + text.slice(base.text, starts[end])
      const source = blockSource(partHtml, partText, false, true, base)
      source.ensure(Infinity)
      expect(source.starts[0]).toBe(base.text)
      const shown = source.count > 0 ? textOf(source.take(0, source.count).nodes) : ''
      expect(text.slice(base.text).startsWith(shown)).toBe(true)
      const knownFirst = source.count
      source.extend(html, text, false)
      while (!source.complete) source.advance(7)
      expect(source.prepended).toBe(k)
      expect(Array.from(source.starts)).toEqual(starts)
      expect(source.headings).toEqual(fromStart.headings)
      // The blocks shown first are the same blocks under their new numbers.
      expect(textOf(source.take(k, k + knownFirst).nodes)).toBe(shown)
      expect(textOf(source.take(0, source.count).nodes)).toBe(text)
    }
  })

  it('refuses a rest that does not continue the part shown first (the article changed meanwhile)', () => {
    const { html, text } = canonicalize(TRICKY)
    const whole = splitHtml(html)!
    const base = { text: whole.blocks[0].textLength, html: whole.blocks[1].from }
    const source = blockSource(html.slice(base.html), '\uffff'.repeat(base.text) + text.slice(base.text), false, true, base)
    source.ensure(Infinity)
    const changed = canonicalize(TRICKY.replace('Caf', 'Kaf'))
    expect(() => source.extend(changed.html, changed.text, false)).toThrow(/does not continue/)
  })
})
