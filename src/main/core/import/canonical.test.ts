import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical'
import { MAX_HTML_CHARS, sanitizeHtml } from './sanitize'
import { ImportError } from './types'
import { browserText } from '../testing/dom'

const SNIPPETS = [
  'plain text',
  '<p>Tom &amp; Jerry &lt;3 &quot;quotes&quot; &copy; &eacute; &#x1F600; &#128512;</p>',
  '<p>non&nbsp;breaking&nbsp;space and\u00a0raw nbsp</p>',
  '<p>a</p><p>b</p><h2>c</h2><ul><li>d</li><li>e</li></ul>',
  '<pre>\nfirst newline dropped</pre>',
  '<pre>\n\nsecond newline kept</pre>',
  '<pre><code>\nin code</code></pre>',
  '<pre>  indented\n    code\n</pre><p>after</p>',
  '<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr></table>',
  '<table>foster<tr><td>cell</td></tr></table>',
  '<table><caption>cap</caption><thead><tr><th>h</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>',
  '<p>Emoji 👩‍👩‍👧‍👦 🇰🇿 and skin tones 👍🏽</p>',
  '<p>中文文本，日本語のテキスト、한국어 텍스트</p>',
  '<p dir="rtl">עברית ועוד טקסט بالعربية</p>',
  '<p>e\u0301 combining, Z\u0351\u0352\u0353algo, \u1100\u1161 jamo</p>',
  '<p>Кириллица и ёжик</p><p>Қазақ тілі</p>',
  'text<div>block</div>tail',
  'line<br>break<br/>again',
  '<p>unclosed<p>paragraphs<li>list item',
  '<b>bold <i>both</b> italic</i>',
  '<p>a<!-- comment -->b</p>',
  '<p>CR&#13;entity and\r\nCRLF</p>',
  '<p>&#0; null entity and \u0000 raw null</p>',
  '<p>ampersand &amp;amp; and bare & and &notanentity;</p>',
  '<blockquote><p>q1</p><p>q2</p></blockquote><p>after</p>',
  '<div><div><p>deep</p></div><p>sibling</p></div>',
  '<p>a </p><p> b</p>',
  '<dl><dt>term</dt><dd>def</dd></dl>',
  '<figure><img src="data:image/png;base64,AAAA"><figcaption>cap</figcaption></figure>',
  '<p>surrogate half \ud83d alone</p>',
  '<textarea>\nta</textarea>'
]

describe('canonical HTML and plain text', () => {
  it('derives exactly the text the browser DOM has for the canonical HTML', () => {
    for (const html of SNIPPETS) {
      const { html: out, text } = canonicalize(html)
      expect({ html, text }).toEqual({ html, text: browserText(out) })
    }
  })

  it('is stable: canonicalising canonical HTML changes nothing', () => {
    for (const html of SNIPPETS) {
      const once = canonicalize(html)
      expect(canonicalize(once.html)).toEqual(once)
    }
  })

  it('never glues words of adjacent blocks together', () => {
    expect(canonicalize('<p>end</p><p>start</p>').text).toBe('end\nstart')
    expect(canonicalize('<h1>Title</h1>Body').text).toBe('Title\nBody')
    expect(canonicalize('<ul><li>one</li><li>two</li></ul>').text).toBe('one\ntwo')
    expect(canonicalize('<table><tr><td>a</td><td>b</td></tr></table>').text).toBe('a\nb')
    expect(canonicalize('a<br>b').text).toBe('a\nb')
    // Existing whitespace is enough; nothing is doubled.
    expect(canonicalize('<p>a</p>\n<p>b</p>').text).toBe('a\nb')
  })

  it('keeps preformatted text exactly, including a leading blank line', () => {
    const { text, html } = canonicalize('<pre>\n\ncode\n  indented</pre>')
    expect(text).toBe('\ncode\n  indented')
    expect(browserText(html)).toBe(text)
  })

  it('replaces unpaired surrogates (damaged UTF-16) instead of failing the import', () => {
    // parse5 pairs two low surrogates into an invalid code point and throws a RangeError.
    expect(canonicalize('<p>a\udfff\udc00b \ud83d\ude00 \ud800</p>')).toEqual({
      html: '<p>a\ufffd\ufffdb \ud83d\ude00 \ufffd</p>',
      text: 'a\ufffd\ufffdb \ud83d\ude00 \ufffd'
    })
  })

  it('parses long text through placeholders with exactly the same result, in every parser state (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>', '</p>', '<pre>', '</pre>', '<pre>\n', '<textarea>', '</textarea>', '<title>', '</title>', '<script>', '</script>',
        '<style>', '</style>', '<!--', '-->', '--', '<![CDATA[', ']]>', '<svg>', '</svg>', '<math>', '<table>', '<tr>', '<td>',
        '</table>', '<select>', '<option>', '<b>', '</b>', '<a href="x>y">', '<a title=\'q>q\'>', '</a>', '<a href=u v>', '<br>',
        '<plaintext>', '<noscript>', '<template>', '</template>', '<!doctype html>', '<?pi>', '&', '&amp;', '&lt;', '&#62;', '&nbsp;',
        '<', '>', '"', "'", '=', '`', '\n', ' ', '\t', '\f', '\r', '\r\n', '\0', '\u00a0', ']]', '-', '!', '/'
      ),
      fc.constantFrom('plain words of text', 'Жук и ёжик', '👍🏽 emoji', 'a', '  spaced  out  ', 'x\u00a0y', ']] -- !'),
      fc.string({ maxLength: 8 })
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 50 }), fc.integer({ min: 1, max: 12 }), (pieces, minRun) => {
        const raw = pieces.join('')
        for (const input of [raw, sanitizeHtml(raw)]) expect(canonicalize(input, minRun)).toEqual(canonicalize(input, Infinity))
      }),
      { numRuns: 3000 }
    )
  })

  it('decodes entities and keeps non-breaking spaces as U+00A0', () => {
    expect(canonicalize('<p>a&nbsp;b &amp; c&eacute;</p>').text).toBe('a\u00a0b & cé')
  })

  it('handles 10,000 nested elements without crashing and keeps the text', () => {
    const deep = '<div>'.repeat(10_000) + '<p>x</p><p>y</p>' + '</div>'.repeat(10_000)
    const { html, text } = canonicalize(deep)
    expect(text.replace(/\n/g, '')).toBe('xy')
    expect(browserText(html)).toBe(text)
    expect(text).toContain('x\ny')
  })

  it('refuses HTML beyond the documented size limit', () => {
    expect(() => canonicalize(' '.repeat(MAX_HTML_CHARS + 1))).toThrow(ImportError)
  })

  it('reads back as itself when a table moved a list item into another (found by the property below)', () => {
    for (const input of ['<li><table><li>', '<h2><table><h2>x', '<p><table><p>y']) {
      const { html, text } = canonicalize(input)
      expect(browserText(html)).toBe(text)
      expect(canonicalize(html)).toEqual({ html, text })
    }
  })

  it('agrees with the browser on arbitrary sanitised markup (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '<p>', '</p>', '<div>', '</div>', '<pre>', '</pre>', '<table>', '<tr>', '<td>', '</td>',
        '</table>', '<li>', '<ul>', '</ul>', '<br>', '<b>', '</b>', '<i>', '</i>', '<h2>',
        '</h2>', '&nbsp;', '&amp;', '&lt;', '\n', ' ', '\r\n', '<a href="#x">', '</a>', '<hr>',
        '<blockquote>', '</blockquote>', '<span>', '</span>', '<code>', '<script>s</script>'
      ),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('word', 'Жук', '中文', '👍🏽', 'e\u0301', 'שלום')
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const raw = pieces.join('')
        for (const input of [raw, sanitizeHtml(raw)]) {
          const { html, text } = canonicalize(input)
          expect(browserText(html)).toBe(text)
          expect(canonicalize(html).text).toBe(text)
        }
      }),
      { numRuns: 400 }
    )
  })
})
