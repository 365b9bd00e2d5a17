import { describe, expect, it } from 'vitest'
import { MAX_HTML_DEPTH, prepass } from './html-prepass'

const body = (html: string): string => /<body>([\s\S]*)<\/body><\/html>$/.exec(prepass(html).html)?.[1] ?? ''

describe('the HTML pre-pass', () => {
  it('removes scripts, styles, noscript, templates and comments with their contents', () => {
    const html = '<p>a</p><script>if (x < y) document.write("</p><p>fake")</script><style>p>b{}</style>' +
      '<noscript><p>enable js</p></noscript><template><p>t<template>inner</template>t2</p></template><!-- c --><p>b</p>'
    expect(body(html)).toBe('<p>a</p><p>b</p>')
  })

  it('is not fooled by ">" or script tags inside attribute values', () => {
    expect(body('<a title="x > y" href="#">link</a><img alt="<script>">ok')).toBe('<a title="x > y" href="#">link</a><img alt="<script>">ok')
  })

  it('keeps text that looks like a script tag inside <title> and <textarea>', () => {
    expect(prepass('<title>About <script> tags</title><p>body</p>').html).toContain('<title>About <script> tags</title>')
  })

  it('collects JSON-LD before removing its script', () => {
    const { jsonLd, html } = prepass('<script type="application/ld+json">{"@type":"Article"}</script><script>x()</script>')
    expect(jsonLd).toEqual(['{"@type":"Article"}'])
    expect(html).not.toContain('Article')
  })

  it('handles unterminated comments and scripts like a browser: the rest is gone', () => {
    expect(body('<p>a</p><!-- open')).toBe('<p>a</p>')
    expect(body('<p>a</p><script>never closed <p>b</p>')).toBe('<p>a</p>')
    expect(body('<p>a</p><!--><p>b</p>')).toBe('<p>a</p><p>b</p>')
  })

  it('rebuilds exactly one html/head/body skeleton, keeping the language', () => {
    const out = prepass('<!DOCTYPE html><html lang="kk" onload="x()"><head><title>T</title></head><body class="b"><p>x</p></body></html><p>after</p>').html
    expect(out).toBe('<!DOCTYPE html><html lang="kk"><head><title>T</title></head><body><p>x</p><p>after</p></body></html>')
    expect(prepass('<p>fragment</p>').html).toBe('<!DOCTYPE html><html><head></head><body><p>fragment</p></body></html>')
  })

  it(`flattens nesting beyond ${MAX_HTML_DEPTH} levels, keeping the text and word boundaries`, () => {
    const n = 10_000
    const out = body('<div>'.repeat(n) + 'a<div>b</div>c' + '</div>'.repeat(n) + '<p>after</p>')
    expect(out.split('<div>').length - 1).toBe(MAX_HTML_DEPTH)
    expect(out.split('</div>').length - 1).toBe(MAX_HTML_DEPTH)
    expect(out.replace(/<[^>]+>/g, '')).toMatch(/^\s*a\s+b\s+c\s*after$/)
  })

  it('does not count void, self-closing SVG or optional-end elements as nesting', () => {
    const many = '<p>para'.repeat(500) + '<br>'.repeat(500) + '<svg>' + '<path d="M0"/>'.repeat(500) + '</svg><div>kept</div>'
    expect(body(many)).toContain('<div>kept</div>')
  })
})
