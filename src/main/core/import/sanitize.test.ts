import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical'
import { MAX_HTML_CHARS, sanitizeHtml } from './sanitize'
import { ImportError } from './types'
import { XSS_VECTORS } from './xss-vectors'
import { renderHtml } from '../testing/dom'

const ALLOWED_ATTRS: Record<string, string[]> = {
  a: ['href', 'title'],
  img: ['src', 'alt', 'title'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  time: ['datetime'],
  abbr: ['title']
}
const ALLOWED_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'ul', 'ol', 'li', 'pre', 'code',
  'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small', 'a', 'img', 'figure',
  'figcaption', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'hr',
  'br', 'span', 'div', 'section', 'article', 'header', 'footer', 'aside', 'dl', 'dt',
  'dd', 'abbr', 'q', 'cite', 'mark', 'time'
])

/** Every reason the rendered HTML would be unsafe; empty when it is safe. */
function problems(html: string): string[] {
  const found: string[] = []
  for (const el of renderHtml(html).querySelectorAll('*')) {
    const tag = el.localName
    if (!ALLOWED_TAGS.has(tag) || el.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`tag <${tag}>`)
    for (const attr of el.attributes) {
      if (!(ALLOWED_ATTRS[tag] ?? []).includes(attr.name)) found.push(`attribute ${tag}[${attr.name}]`)
    }
    const href = el.getAttribute('href')
    if (href !== null && !/^(?:https?:|mailto:|#)/i.test(href)) found.push(`href ${href}`)
    const src = el.getAttribute('src')
    if (src !== null && !/^data:image\/(?:png|jpeg|gif|webp)[;,]/i.test(src)) found.push(`src ${src}`)
  }
  if (/<\s*\/?\s*(?:script|style|iframe|object|embed|svg|math|form|base|meta|link)\b/i.test(html)) {
    found.push('dangerous markup in output')
  }
  return found
}

const clean = (html: string): string => canonicalize(sanitizeHtml(html)).html

describe('sanitising imported HTML', () => {
  it(`neutralises all ${XSS_VECTORS.length} known XSS vectors`, () => {
    expect(XSS_VECTORS.length).toBeGreaterThanOrEqual(50)
    for (const vector of XSS_VECTORS) {
      const out = clean(vector)
      expect({ vector, out, problems: problems(out) }).toEqual({ vector, out, problems: [] })
      // The output is a fixed point: sanitising it again changes nothing dangerous.
      expect(problems(clean(out))).toEqual([])
    }
  })

  it('keeps the structure a reader needs: headings, lists, quotes, code, tables', () => {
    const html =
      '<h2>Title</h2><p>Some <em>em</em> <strong>strong</strong> <sub>2</sub><sup>3</sup></p>' +
      '<ul><li>one</li></ul><ol><li>two</li></ol><blockquote><p>quote</p></blockquote>' +
      '<pre><code>let x = 1</code></pre><table><thead><tr><th colspan="2">h</th></tr></thead>' +
      '<tbody><tr><td rowspan="1">a</td><td>b</td></tr></tbody></table>' +
      '<dl><dt>t</dt><dd>d</dd></dl><figure><figcaption>cap</figcaption></figure>' +
      '<p><abbr title="HyperText">HTML</abbr> <q>q</q> <cite>c</cite> <mark>m</mark> <time datetime="2024-01-02">Jan 2</time></p>'
    const out = sanitizeHtml(html)
    for (const piece of ['<h2>Title</h2>', '<em>em</em>', '<li>one</li>', '<blockquote>', '<pre><code>', '<th colspan="2">', '<dt>t</dt>', '<figcaption>', '<abbr title="HyperText">', '<time datetime="2024-01-02">']) {
      expect(out).toContain(piece)
    }
  })

  it('keeps web and mail links and in-page fragments, drops other link targets', () => {
    const out = sanitizeHtml(
      '<a href="https://e.example/a?b=1" title="t">w</a><a href="mailto:x@e.example">m</a>' +
        '<a href="#sec-2">f</a><a href="/relative">r</a><a href="ftp://e.example">ftp</a><a href="file:///etc/passwd">file</a>'
    )
    expect(out).toContain('<a href="https://e.example/a?b=1" title="t">w</a>')
    expect(out).toContain('<a href="mailto:x@e.example">m</a>')
    expect(out).toContain('<a href="#sec-2">f</a>')
    expect(out).toContain('<a>r</a>')
    expect(out).not.toMatch(/ftp:|file:/)
  })

  it('keeps embedded raster images and drops remote ones, which the reader never fetches', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo='
    const out = sanitizeHtml(
      `<img src="${png}" alt="chart"><img src="https://e.example/x.png" alt="remote">` +
        '<img src="//e.example/y.png"><img src="data:image/svg+xml;base64,PHN2Zz4=">'
    )
    expect(out).toBe(`<img src="${png}" alt="chart" />`)
  })

  it('drops the text of scripts, styles and other non-content elements but keeps text of unknown wrappers', () => {
    const out = sanitizeHtml(
      '<script>var a</script><style>p{}</style><noscript>enable js</noscript><template>t</template>' +
        '<textarea>ta</textarea><title>tt</title><font color="red">kept</font><center>also kept</center>'
    )
    expect(out).toBe('keptalso kept')
  })

  it('strips ids, classes and styles so content cannot clobber the reader or restyle it', () => {
    expect(sanitizeHtml('<h2 id="top" class="x" style="color:red" data-x="1">H</h2>')).toBe('<h2>H</h2>')
  })

  it('survives 10,000 nested elements and keeps their text', () => {
    const deep = '<div>'.repeat(10_000) + 'core' + '</div>'.repeat(10_000)
    const { text, html } = canonicalize(sanitizeHtml(deep))
    expect(text).toBe('core')
    expect(html.split('<div>').length - 1).toBeLessThanOrEqual(100)
  })

  it('refuses HTML beyond the documented size limit with an actionable message', () => {
    const huge = 'x'.repeat(MAX_HTML_CHARS + 1)
    expect(() => sanitizeHtml(huge)).toThrow(ImportError)
    expect(() => sanitizeHtml(huge)).toThrow(/too large.*split/)
  })
})
