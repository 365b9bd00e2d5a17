/**
 * Article metadata as web pages publish it: <title>, <meta>, OpenGraph, JSON-LD
 * (schema.org NewsArticle/Article/BlogPosting) and <link rel=canonical>. Works on any
 * DOM that has querySelector (linkedom in the core).
 */
export interface PageMeta {
  title: string | null
  author: string | null
  published: string | null
  description: string | null
  url: string | null
  site: string | null
  language: string | null
}

/** The part of a DOM document this module reads. */
export interface MetaSource {
  querySelector(selector: string): { getAttribute(name: string): string | null; textContent: string | null } | null
  documentElement: { getAttribute(name: string): string | null } | null
}

const ARTICLE_TYPE = /(?:^|[/:])(?:\w*Article|BlogPosting|Report)$/
/** Years outside this range in a date field are typos or placeholders (0001-01-01). */
const YEAR_MIN = 1000
const YEAR_MAX = 2999

const clean = (s: unknown): string | null => {
  if (typeof s !== 'string') return null
  const t = s.replace(/\s+/g, ' ').trim()
  return t === '' ? null : t
}

/**
 * Normalises a date as pages and files write it to ISO: "YYYY-MM-DD" when only the
 * day is known, "YYYY-MM-DDTHH:MM[:SS][zone]" when a time is given (the writer's own
 * offset is kept, so the calendar day stays the one they meant). A year or year-month
 * alone becomes the first day of that period. Returns null for anything unreadable.
 */
export function normalizeDate(raw: string | null | undefined): string | null {
  const s = clean(raw)
  if (!s) return null
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  if (m) return validDate(m[1], m[2], m[3])
  m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s)
  if (m) {
    const day = validDate(m[1], m[2], m[3])
    if (!day) return null
    const zone = m[5] === undefined ? '' : m[5].toUpperCase() === 'Z' ? 'Z' : normaliseOffset(m[5])
    const iso = `${day}T${m[4]}${zone}`
    return Number.isNaN(Date.parse(iso)) ? null : iso
  }
  m = /^(\d{4})(?:-(\d{2}))?$/.exec(s)
  if (m) return validDate(m[1], m[2] ?? '01', '01')
  const t = Date.parse(s)
  if (Number.isNaN(t)) return null
  const d = new Date(t)
  if (d.getUTCFullYear() < YEAR_MIN || d.getUTCFullYear() > YEAR_MAX) return null
  return /\d:\d/.test(s) ? d.toISOString() : d.toISOString().slice(0, 10)
}

function normaliseOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '')
  return `${offset[0]}${digits.slice(0, 2)}:${(digits.slice(2) || '00').padEnd(2, '0')}`
}

function validDate(y: string, mo: string, d: string): string | null {
  const year = Number(y)
  const month = Number(mo)
  const day = Number(d)
  if (year < YEAR_MIN || year > YEAR_MAX || month < 1 || month > 12 || day < 1) return null
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCMonth() !== month - 1) return null
  return `${y}-${mo}-${d}`
}

type Json = Record<string, unknown>
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Parses JSON-LD blocks and returns the first node typed as an article. */
export function findJsonLdArticle(blocks: readonly string[]): Json | null {
  for (const block of blocks) {
    let data: unknown
    try {
      data = JSON.parse(block)
    } catch {
      // Pages often put raw newlines inside JSON strings, which JSON forbids.
      try {
         
        data = JSON.parse(block.replace(/[\u0000-\u001f]+/g, ' '))
      } catch {
        continue
      }
    }
    const pending: unknown[] = [data]
    // Bounded walk: JSON-LD graphs are shallow, hostile ones need not be.
    for (let seen = 0; pending.length > 0 && seen < 10_000; seen++) {
      const node = pending.pop()
      if (Array.isArray(node)) pending.push(...node)
      else if (isObj(node)) {
        const types = ([] as unknown[]).concat(node['@type'] ?? [])
        if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return node
        if (node['@graph'] !== undefined) pending.push(node['@graph'])
      }
    }
  }
  return null
}

/** "Name", {name}, or a list of either: the names joined with ", ". */
function personNames(v: unknown): string | null {
  const names = ([] as unknown[])
    .concat(v ?? [])
    .map((p) => (typeof p === 'string' ? clean(p) : isObj(p) ? clean(p.name) : null))
    .filter((n): n is string => n !== null && !/^https?:\/\//i.test(n))
  return names.length > 0 ? [...new Set(names)].join(', ') : null
}

const httpUrl = (v: unknown): string | null => {
  const s = clean(v)
  return s && /^https?:\/\//i.test(s) ? s : null
}

/** Reads the page's own metadata; fields a page does not state are null. */
export function extractMeta(doc: MetaSource, jsonLd: readonly string[]): PageMeta {
  const meta = (selector: string): string | null => clean(doc.querySelector(selector)?.getAttribute('content'))
  const ld = findJsonLdArticle(jsonLd) ?? {}
  const publisher = isObj(ld.publisher) ? ld.publisher : {}
  const published =
    normalizeDate(clean(ld.datePublished)) ??
    normalizeDate(meta('meta[property="article:published_time"]')) ??
    normalizeDate(meta('meta[name="citation_publication_date"]')) ??
    normalizeDate(meta('meta[name="date"]')) ??
    normalizeDate(meta('meta[name="dc.date"], meta[name="DC.date"]')) ??
    normalizeDate(meta('meta[itemprop="datePublished"]')) ??
    normalizeDate(doc.querySelector('time[datetime]')?.getAttribute('datetime'))
  const locale = meta('meta[property="og:locale"]')
  return {
    title:
      clean(ld.headline) ??
      meta('meta[property="og:title"]') ??
      meta('meta[name="twitter:title"]') ??
      clean(doc.querySelector('title')?.textContent),
    author:
      personNames(ld.author) ??
      meta('meta[name="author"]') ??
      meta('meta[name="citation_author"]') ??
      personNames(meta('meta[property="article:author"]')),
    published,
    description: meta('meta[name="description"]') ?? meta('meta[property="og:description"]'),
    url:
      httpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
      httpUrl(meta('meta[property="og:url"]')) ??
      httpUrl(ld.url) ??
      (isObj(ld.mainEntityOfPage) ? httpUrl(ld.mainEntityOfPage['@id']) : httpUrl(ld.mainEntityOfPage)),
    site: meta('meta[property="og:site_name"]') ?? clean(publisher.name),
    language:
      clean(doc.documentElement?.getAttribute('lang')) ??
      meta('meta[http-equiv="content-language"]') ??
      (locale ? locale.replace('_', '-') : null)
  }
}
