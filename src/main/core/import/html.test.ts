import fc from 'fast-check'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical'
import { parseHtml, parseHtmlString } from './html'
import { sanitizeHtml } from './sanitize'
import { ImportError } from './types'

const para = (n: number, word = 'sentence'): string =>
  Array.from({ length: n }, (_, i) => `<p>This is ${word} number ${i} of the article body, long enough to count as real prose for extraction.</p>`).join('\n')

/** A news page as saved from a browser: chrome around one article, scripts everywhere. */
function newsPage(opts: { head?: string; article?: string; lang?: string } = {}): string {
  return `<!DOCTYPE html><html lang="${opts.lang ?? 'en'}"><head>
<meta charset="utf-8"><title>Page title | Daily Example</title>
${opts.head ?? ''}
<script>window.dataLayer = []; if (a < b && c > d) { document.write("</div><p>fake</p>") }</script>
<style>.x { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<!-- ad slot --><div class="ad"><script src="https://ads.example/x.js"></script></div>
<article><h1>Headline in page</h1>
${opts.article ?? para(12)}
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Other story</a></li></ul></aside>
<footer><p>© Daily Example. All rights reserved.</p></footer>
<noscript><p>Please enable JavaScript</p></noscript>
<template><p>template text</p></template>
</body></html>`
}

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s)
const parse = (html: string, source = '/tmp/page.html') => parseHtml({ bytes: utf8(html), source })

describe('importing a saved web page', () => {
  it('extracts the article body and leaves navigation, ads, scripts and footers out', () => {
    const [doc] = parse(newsPage()).docs
    const text = canonicalize(sanitizeHtml(doc.html)).text
    expect(text).toContain('This is sentence number 0 of the article body')
    expect(text).toContain('sentence number 11')
    for (const junk of ['Most read', 'All rights reserved', 'enable JavaScript', 'template text', 'fake', 'dataLayer', 'color: red']) {
      expect(text).not.toContain(junk)
    }
  })

  it('reads title, author, date, URL, site and language from JSON-LD first', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Daily Example' },
        {
          '@type': 'NewsArticle',
          headline: 'The real headline',
          author: [{ '@type': 'Person', name: 'Ann Writer' }, 'Bob Reporter'],
          datePublished: '2024-03-05T10:00:00+03:00',
          url: 'https://news.example/2024/03/story',
          publisher: { name: 'Daily Example Ltd' }
        }
      ]
    }
    const head = `<script type="application/ld+json">${JSON.stringify(ld)}</script>`
    const [doc] = parse(newsPage({ head, lang: 'en-GB' })).docs
    expect(doc.title).toBe('The real headline')
    expect(doc.author).toBe('Ann Writer, Bob Reporter')
    expect(doc.published).toBe('2024-03-05T10:00:00+03:00')
    expect(doc.url).toBe('https://news.example/2024/03/story')
    expect(doc.site).toBe('Daily Example Ltd')
    expect(doc.language).toBe('en-GB')
  })

  it('falls back to OpenGraph, <meta> and <link rel=canonical> when there is no JSON-LD', () => {
    const head = `<meta property="og:title" content="OG title"><meta property="og:site_name" content="Example Site">
<meta name="author" content="Carla Author"><meta property="article:published_time" content="2023-11-02">
<link rel="canonical" href="https://example.org/canonical-story"><meta property="og:url" content="https://example.org/og">`
    const [doc] = parse(newsPage({ head })).docs
    expect(doc).toMatchObject({
      title: 'OG title',
      author: 'Carla Author',
      published: '2023-11-02',
      url: 'https://example.org/canonical-story',
      site: 'Example Site'
    })
  })

  it('uses the page <title> when nothing better is declared, and the file name as a last resort', () => {
    expect(parse(newsPage()).docs[0].title).toMatch(/Page title/)
    expect(parse('<p>Just a paragraph of text.</p>', '/home/u/My%20Notes.html').docs[0].title).toBe('My Notes')
  })

  it('ignores broken JSON-LD instead of failing the import', () => {
    const head = '<script type="application/ld+json">{ "headline": "broken", </script>'
    expect(parse(newsPage({ head })).docs[0].title).toMatch(/Page title/)
  })

  it('decodes legacy Cyrillic pages declared with <meta charset>', () => {
    const html = newsPage({ article: '<p>Привет, мир! Это статья на русском языке, достаточно длинная.</p>'.repeat(8) })
      .replace('charset="utf-8"', 'charset="windows-1251"')
    const result = parseHtml({ bytes: iconv.encode(html, 'win1251'), source: 'ru.html' })
    expect(result.encoding).toBe('windows-1251')
    expect(result.docs[0].html).toContain('Привет, мир!')
  })

  it('decodes by http-equiv Content-Type and by the charset a server declared', () => {
    const body = '<p>Съешь же ещё этих мягких французских булок.</p>'
    const equiv = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head><body>${body}</body></html>`
    expect(parseHtml({ bytes: iconv.encode(equiv, 'koi8-r'), source: 'a.html' }).docs[0].html).toContain('булок')
    const plain = `<html><body>${body}</body></html>`
    const declared = parseHtml({ bytes: iconv.encode(plain, 'win1251'), source: 'b', declaredCharset: 'windows-1251' })
    expect(declared.docs[0].html).toContain('булок')
  })

  it('honours a UTF-8 byte-order mark over a wrong <meta>', () => {
    const html = '<meta charset="windows-1252"><p>naïve café</p>'
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(html)])
    const result = parseHtml({ bytes, source: 'bom.html' })
    expect(result.encoding).toBe('utf-8')
    expect(result.docs[0].html).toContain('naïve café')
  })

  it('reads undeclared non-UTF-8 bytes as windows-1252 rather than failing', () => {
    const bytes = iconv.encode('<p>caf\u00e9 \u2014 na\u00efve</p>', 'win1252')
    const result = parseHtml({ bytes, source: 'old.html' })
    expect(result.docs[0].html).toContain('café — naïve')
  })

  it('resolves relative links against the page URL so they still work offline', () => {
    const head = '<link rel="canonical" href="https://news.example/a/b/story">'
    const article = para(10) + '<p>See <a href="../other">the other story</a> and <a href="#notes">notes</a>.</p>'
    const html = parse(newsPage({ head, article })).docs[0].html
    expect(html).toContain('href="https://news.example/a/other"')
    expect(html).toContain('href="#notes"')
  })

  it('keeps the whole body of a short page that Readability does not consider an article', () => {
    const [doc] = parse('<html><body><p>Short note.</p><p>Second line.</p></body></html>').docs
    expect(doc.html).toContain('Short note.')
    expect(doc.html).toContain('Second line.')
  })

  it('survives 10,000 levels of nesting quickly and keeps the text', () => {
    const deep = '<html><body>' + '<div>'.repeat(10_000) + para(5) + '</div>'.repeat(10_000) + '</body></html>'
    const started = Date.now()
    const [doc] = parse(deep).docs
    expect(Date.now() - started).toBeLessThan(10_000)
    expect(canonicalize(sanitizeHtml(doc.html)).text).toContain('sentence number 4')
  })

  it('refuses a page with no readable content with an actionable message', () => {
    expect(() => parse('<html><head><script>app()</script></head><body><div id="root"></div></body></html>')).toThrow(ImportError)
    expect(() => parse('<html><body></body></html>')).toThrow(/no readable text.*save it again/)
  })

  it('imports pasted HTML fragments', () => {
    const result = parseHtmlString('<h2>Pasted</h2><p>Some <b>pasted</b> text.</p>', 'clipboard')
    expect(result.format).toBe('html')
    expect(result.encoding).toBeNull()
    expect(result.docs[0].html).toContain('<b>pasted</b>')
  })

  it('never fails with anything but an ImportError on malformed markup (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('<', '>', '</', '<!--', '-->', '"', "'", '=', '<script>', '</script>', '<div>', '</div>',
        '<p>', '<title>', '</title>', '<html>', '<body>', '<head>', '</head>', '<template>', '<svg>', '<a href="',
        '<meta charset="', 'koi8-r', '<!doctype html>', 'word ', '<script type="application/ld+json">{', '&amp;', '\u0000'),
      fc.string({ maxLength: 5 })
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        try {
          const doc = parseHtmlString(pieces.join(''), 'fuzz').docs[0]
          canonicalize(sanitizeHtml(doc.html))
        } catch (e) {
          expect(e).toBeInstanceOf(ImportError)
        }
      }),
      { numRuns: 150 }
    )
  })
})
