// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { canonicalize } from '../../../main/core/import/canonical'
import { BlockScanner, splitHtml } from '../../../shared/html-blocks'
import { blockSource } from './parse'

const TRICKY =
  '<h2>Épreuve 👩🏽‍🔬 test</h2><p>Caf\u0065\u0301 &nbsp;and 東京 and עברית&nbsp;text &amp; &lt;tags&gt;</p>' +
  '<ul><li>one</li><li>two <em>emph</em></li></ul><pre>\n\n  code\n</pre><p>a<br>b</p><table><tr><td>cell</td></tr></table>' +
  'loose text<hr><blockquote><p>quoted <a href="https://x.org/?a=1&amp;b=2">link</a></p></blockquote><h3>End</h3>tail'

const utf8 = new TextEncoder()
/** The beginning of `s` as a page gets it: its first `bytes` UTF-8 bytes, decoded by a streaming decoder. */
function firstBytes(s: string, bytes: number): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(utf8.encode(s).subarray(0, bytes), { stream: true })
}

describe('a book shown while the rest of it is still arriving', () => {
  it('scanning HTML cut anywhere, then the whole, finds the same blocks and headings as scanning it whole', () => {
    const { html } = canonicalize(TRICKY)
    const whole = splitHtml(html)!
    for (let cut = 0; cut <= html.length; cut++) {
      const scanner = new BlockScanner(html.slice(0, cut), true)
      scanner.scanToText(Infinity)
      scanner.scan(Infinity)
      expect(scanner.failed).toBe(false)
      expect(scanner.done).toBe(false)
      // What is known of the beginning is final: every block found is one of the whole's.
      expect(scanner.blocks).toEqual(whole.blocks.slice(0, scanner.blocks.length))
      scanner.extend(html, false)
      scanner.scan(Infinity)
      expect({ blocks: scanner.blocks, headings: scanner.headings, textLength: scanner.scannedText }).toEqual(whole)
      expect(scanner.done).toBe(true)
    }
  })

  it('the blocks known from the first bytes of HTML and text hold exactly the article’s text there, and the rest follows', () => {
    const { html, text } = canonicalize(TRICKY)
    for (const bytes of [1, 7, 20, 33, 60, 100, 150, 250]) {
      const source = blockSource(firstBytes(html, bytes), firstBytes(text, bytes), false, true)
      source.ensure(Infinity)
      const shown: string[] = []
      for (let i = 0; i < source.count; i++) shown.push(source.take(i, i + 1).nodes.map((n) => n.data).join(''))
      expect(text.startsWith(shown.join(''))).toBe(true)
      expect(source.complete).toBe(false)
      const known = source.count
      source.extend(html, text, false)
      source.ensure(Infinity)
      expect(source.complete).toBe(true)
      for (let i = known; i < source.count; i++) shown.push(source.take(i, i + 1).nodes.map((n) => n.data).join(''))
      expect(shown.join('')).toBe(text)
    }
  })
})
