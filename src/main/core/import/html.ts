import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { El } from './dom-subset'
import { decodeHtml } from './html-charset'
import { extractMeta } from './html-meta'
import { prepass } from './html-prepass'
import { MAX_HTML_CHARS } from './sanitize'
import { ImportError, type ParsedDoc, type ParseInput, type ParseResult } from './types'

/**
 * Readability's cost grows with elements × depth; past this many elements (ten times a
 * heavy news page after the pre-pass) we skip it and keep the whole body instead.
 */
export const MAX_READABILITY_ELEMENTS = 50_000

/**
 * Parses a saved web page or fetched HTML: decodes it (BOM, transport charset, <meta>,
 * then a guess), drops scripts/styles/comments in a pre-pass, reads the page's
 * metadata and extracts the main content with Readability (the whole body when
 * Readability finds no article).
 * @throws ImportError for pages that are too large or have no readable content.
 */
export function parseHtml(input: ParseInput): ParseResult {
  checkSize(input.bytes.length)
  const { text, encoding } = decodeHtml(input.bytes, input.declaredCharset)
  return { docs: [extractArticle(text, input.source)], format: 'html', encoding }
}

/** The same for HTML that is already a string, e.g. pasted from the clipboard. */
export function parseHtmlString(html: string, source: string): ParseResult {
  checkSize(html.length)
  return { docs: [extractArticle(html, source)], format: 'html', encoding: null }
}

function checkSize(size: number): void {
  if (size > MAX_HTML_CHARS) {
    throw new ImportError(
      `page too large (${Math.round(size / 1048576)} MB, limit ${MAX_HTML_CHARS / 1048576} MB) — save the page without its resources or split it`
    )
  }
}

function extractArticle(raw: string, source: string): ParsedDoc {
  const { html, jsonLd } = prepass(raw)
  const { document } = parseHTML(html)
  const meta = extractMeta(document, jsonLd)
  // Read before Readability, which rewrites the document in place.
  const firstHeading = clean(document.querySelector('h1')?.textContent)
  const base = meta.url ?? (/^https?:\/\//i.test(source) ? source : null)

  let article: ReturnType<Readability<El>['parse']> = null
  try {
    article = new Readability<El>(document, {
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
      serializer: (node) => node as unknown as El,
      // We read JSON-LD ourselves; the pre-pass removed the <script> blocks anyway.
      disableJSONLD: true
    }).parse()
  } catch {
    // Too many elements or a page Readability cannot handle: fall back to the body.
  }
  const body = document.body as unknown as El | null
  const content = article?.content && hasContent(article.content) ? article.content : body
  if (content && base) absolutiseLinks(content, base)
  let out = content && hasContent(content) ? content.innerHTML : ''
  if (!out && meta.description) out = `<p>${escapeText(meta.description)}</p>`
  if (!out) {
    throw new ImportError(
      'no readable text in the page — open it in a browser, let it load fully, then save it again or paste its text'
    )
  }
  return {
    title: meta.title ?? clean(article?.title) ?? firstHeading ?? titleFromSource(source),
    author: meta.author ?? clean(article?.byline),
    published: meta.published,
    html: out,
    url: meta.url ?? (/^https?:\/\//i.test(source) ? source : null),
    site: meta.site ?? clean(article?.siteName),
    language: meta.language ?? clean(article?.lang)
  }
}

function hasContent(el: El): boolean {
  return /\S/.test(el.textContent ?? '') || el.querySelector('img') !== null
}

/**
 * Relative links mean nothing once the page is out of its site; resolve them against
 * the page's own URL so they still lead somewhere (the sanitiser drops the rest).
 */
function absolutiseLinks(root: El, base: string): void {
  for (const [selector, attr] of [['a[href]', 'href'], ['img[src]', 'src']] as const) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attr) ?? ''
      if (value.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(value.trim())) continue
      try {
        el.setAttribute(attr, new URL(value, base).href)
      } catch {
        // Not a URL at all: leave it for the sanitiser to drop.
      }
    }
  }
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim()
  return t === '' ? null : t
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

function titleFromSource(source: string): string {
  const name = source.split(/[\\/]/).filter(Boolean).pop() ?? ''
  return clean(decodeURIComponentSafe(name).replace(/\.(x?html?|htm)$/i, '')) ?? 'Untitled'
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
