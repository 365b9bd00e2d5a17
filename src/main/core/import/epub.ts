import { DOMParser, parseHTML } from 'linkedom'
import { resolveEntry, unpackEpub } from './epub-archive'
import type { Doc, El } from './dom-subset'
import { decodeHtml } from './html-charset'
import { normalizeDate } from './html-meta'
import { prepass } from './html-prepass'
import { ImportError, type ParseInput, type ParseResult } from './types'

/** Larger images are left out: inlined as data: URLs they would bloat every page view. */
export const MAX_INLINE_IMAGE_BYTES = 5 * 1024 * 1024
/** Cap on all inlined images of one book, for the same reason. */
export const MAX_INLINE_IMAGES_TOTAL = 50 * 1024 * 1024

const IMAGE_TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp' }
const VOID = 'area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr'

interface Chapter {
  title: string
  html: string
}

/**
 * Parses an EPUB (2 or 3) into one document: metadata from the OPF package, then every
 * spine chapter in reading order as a <section> with its title as a heading, preceded
 * by a list of the chapter titles. Raster images are inlined as data: URLs because the
 * reader never loads anything from outside the article.
 * @throws ImportError for damaged, unsafe, DRM-protected or empty books.
 */
export function parseEpub(input: ParseInput): ParseResult {
  const files = unpackEpub(input.bytes)
  const text = (name: string): string | null => {
    const bytes = files.get(name)
    return bytes ? decodeXml(bytes) : null
  }
  const container = text('META-INF/container.xml')
  if (container === null) throw notEpub('no META-INF/container.xml')
  const opfPath = xml(container).find('rootfile')?.getAttribute('full-path') ?? ''
  const opfText = text(opfPath)
  if (opfText === null) throw notEpub(`package file ${opfPath || '(unnamed)'} missing`)
  if (isDrmProtected(text('META-INF/encryption.xml'))) {
    throw new ImportError('EPUB is DRM-protected — import a DRM-free copy of the book')
  }
  const opf = xml(opfText)
  const meta = (name: string): string | null => clean(opf.find(name)?.textContent)

  const manifest = new Map<string, { href: string; type: string; props: string }>()
  for (const item of opf.all('item')) {
    const id = item.getAttribute('id')
    const href = resolveEntry(opfPath, item.getAttribute('href') ?? '')
    if (id && href) manifest.set(id, { href, type: item.getAttribute('media-type') ?? '', props: item.getAttribute('properties') ?? '' })
  }
  const tocTitles = readToc(manifest, opf.find('spine')?.getAttribute('toc') ?? null, text)
  const images = { budget: MAX_INLINE_IMAGES_TOTAL }
  const chapters: Chapter[] = []
  for (const ref of opf.all('itemref')) {
    const item = manifest.get(ref.getAttribute('idref') ?? '')
    if (!item || !/html/.test(item.type)) continue
    const bytes = files.get(item.href)
    if (!bytes) continue
    const chapter = readChapter(item.href, bytes, files, images, tocTitles.get(item.href), chapters.length + 1)
    if (chapter) chapters.push(chapter)
  }
  if (chapters.length === 0) {
    throw new ImportError('EPUB has no readable chapters — it may be image-only; convert it with OCR first')
  }
  const creators = opf.all('creator').map((c) => clean(c.textContent)).filter((c): c is string => c !== null)
  const list = chapters.length > 1 ? `<ol>${chapters.map((c) => `<li>${escapeText(c.title)}</li>`).join('')}</ol>\n` : ''
  return {
    format: 'epub',
    encoding: null,
    docs: [
      {
        title: meta('title') ?? chapters[0].title,
        author: creators.length > 0 ? [...new Set(creators)].join(', ') : null,
        published: normalizeDate(meta('date')),
        language: meta('language'),
        html: list + chapters.map((c) => `<section>${c.html}</section>`).join('\n')
      }
    ]
  }
}

function notEpub(reason: string): ImportError {
  return new ImportError(`not a valid EPUB (${reason}) — download the book again or convert it with an e-book tool`)
}

/** Font obfuscation also uses encryption.xml; only encrypted chapters mean DRM. */
function isDrmProtected(encryption: string | null): boolean {
  return encryption !== null && /URI\s*=\s*["'][^"']*\.x?html?["']/i.test(encryption)
}

/** XML is UTF-8 unless a BOM or the XML declaration says otherwise. */
function decodeXml(bytes: Uint8Array): string {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1')
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1]
  return decodeHtml(bytes, declared ?? 'utf-8').text
}

/** A parsed XML document searched by local name, so any namespace prefix matches. */
function xml(source: string): { all(local: string): El[]; find(local: string): El | undefined } {
  const doc = new DOMParser().parseFromString(source, 'text/xml') as unknown as Doc
  const elements = [...doc.querySelectorAll('*')]
  const all = (local: string): El[] =>
    elements.filter((e) => e.tagName.toLowerCase().replace(/^.*:/, '') === local.toLowerCase())
  return { all, find: (local) => all(local)[0] }
}

/** Chapter titles by entry name, from the EPUB 3 nav document or the EPUB 2 NCX. */
function readToc(
  manifest: Map<string, { href: string; type: string; props: string }>,
  ncxId: string | null,
  text: (name: string) => string | null
): Map<string, string> {
  const titles = new Map<string, string>()
  const add = (from: string, href: string | null, label: string | null | undefined): void => {
    const entry = href ? resolveEntry(from, href) : null
    const title = clean(label)
    if (entry && title && !titles.has(entry)) titles.set(entry, title)
  }
  const nav = [...manifest.values()].find((m) => m.props.split(/\s+/).includes('nav'))
  const navText = nav ? text(nav.href) : null
  if (nav && navText) {
    const doc = parseHTML(prepass(navText, { keepNavigation: true }).html).document as unknown as Doc
    const navs = [...doc.querySelectorAll('nav')]
    const toc = navs.find((n) => /\btoc\b/.test(n.getAttribute('epub:type') ?? '')) ?? navs[0]
    for (const a of toc ? toc.querySelectorAll('a[href]') : []) add(nav.href, a.getAttribute('href'), a.textContent)
  }
  const ncx = (ncxId ? manifest.get(ncxId) : undefined) ?? [...manifest.values()].find((m) => m.type === 'application/x-dtbncx+xml')
  const ncxText = ncx ? text(ncx.href) : null
  if (ncx && ncxText) {
    for (const point of xml(ncxText).all('navPoint')) {
      const src = [...point.querySelectorAll('*')].find((e) => /(^|:)content$/i.test(e.tagName))
      const label = [...point.querySelectorAll('*')].find((e) => /(^|:)text$/i.test(e.tagName))
      add(ncx.href, src?.getAttribute('src') ?? null, label?.textContent)
    }
  }
  return titles
}

/** One chapter's body as HTML with its title heading, or null when it has no content. */
function readChapter(
  path: string,
  bytes: Uint8Array,
  files: Map<string, Uint8Array>,
  images: { budget: number },
  tocTitle: string | undefined,
  n: number
): Chapter | null {
  // XHTML's <a id="p1"/> would open an element that swallows the rest in an HTML parser.
  const source = decodeXml(bytes).replace(
    new RegExp(`<(?!(?:${VOID})\\b)([a-zA-Z][\\w:-]*)(\\s[^<>]*?)?\\s*/>`, 'g'),
    '<$1$2></$1>'
  )
  const { document } = parseHTML(prepass(source).html)
  const doc = document as unknown as Doc
  const body = doc.body
  if (!body) return null
  inlineImages(doc, body, path, files, images)
  if (!/\S/.test(body.textContent ?? '') && !body.querySelector('img')) return null
  const firstHeading = body.querySelector('h1, h2, h3')
  const headingText = clean(firstHeading?.textContent)
  const title = tocTitle ?? headingText ?? clean(doc.querySelector('title')?.textContent) ?? `Chapter ${n}`
  // Repeating a heading the chapter already opens with would show the title twice.
  const heading = headingText === title ? '' : `<h2>${escapeText(title)}</h2>`
  return { title, html: heading + body.innerHTML }
}

/** Replaces references to images in the archive (and SVG-wrapped covers) by data: URLs. */
function inlineImages(doc: Doc, body: El, from: string, files: Map<string, Uint8Array>, images: { budget: number }): void {
  const dataUrl = (href: string | null): string | null => {
    const entry = href ? resolveEntry(from, href) : null
    const bytes = entry ? files.get(entry) : undefined
    const type = IMAGE_TYPES[(entry ?? '').replace(/^.*\./, '').toLowerCase()]
    if (!bytes || !type || bytes.length > MAX_INLINE_IMAGE_BYTES || bytes.length > images.budget) return null
    images.budget -= bytes.length
    return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`
  }
  for (const img of body.querySelectorAll('img')) {
    const url = dataUrl(img.getAttribute('src'))
    if (url) img.setAttribute('src', url)
    else img.remove()
  }
  for (const svg of body.querySelectorAll('svg')) {
    const image = [...svg.querySelectorAll('image')][0]
    const url = image ? dataUrl(image.getAttribute('xlink:href') ?? image.getAttribute('href')) : null
    if (!url) continue
    const img = doc.createElement('img')
    img.setAttribute('src', url)
    svg.replaceWith(img)
  }
}

function clean(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim()
  return t === '' ? null : t
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}
