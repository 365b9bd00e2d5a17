/**
 * Finds this library's copy of the article a teammate's annotation was made
 * on: by the article id (a bundle imported earlier keeps the sender's ids),
 * then by web address, then by content hash, and for what is still unmatched
 * by searching the library for the annotations' quotes and keeping the
 * article where most of them anchor.
 */
import { anchor } from '../../../shared/anchoring'
import { sql } from '../annotations/statements'
import type { Library } from '../library'
import { normalizeForIndex } from '../search-text'
import { HASH_SOURCE_PREFIX } from '../export/jsonld'
import type { IncomingAnnotation, IncomingArticle } from './incoming'

export interface LocalArticle {
  rowid: number
  id: string
  contentHash: string
}

export type MatchedBy = 'id' | 'source' | 'hash' | 'quote' | 'bundle'

/** Quotes shorter than this prove little when found in another article. */
const QUOTE_MATCH_MIN_CHARS = 20
/** Words of the quote put in the full-text phrase query (enough to be rare). */
const QUOTE_MATCH_WORDS = 12
/** Candidate articles checked per unmatched article. */
const QUOTE_MATCH_CANDIDATES = 5
/** Share of an article's annotations that must anchor on a candidate for it to be the same article. */
const QUOTE_MATCH_SHARE = 0.5

const isUrl = (s: string | null | undefined): s is string => !!s && /^https?:\/\//i.test(s)

/** The key grouping annotations made on the same article of the sender's. */
export function articleKey(a: IncomingAnnotation): string {
  return a.articleRef ?? a.source
}

export class ArticleMatcher {
  private cache = new Map<string, { article: LocalArticle; by: MatchedBy } | null>()
  private bound = new Map<string, LocalArticle>()

  constructor(
    private readonly lib: Library,
    private readonly hints: Map<string, IncomingArticle>
  ) {}

  /** What an earlier file said about a sender's article (for annotations kept aside since). */
  addHint(h: IncomingArticle): void {
    if (!this.hints.has(h.ref)) this.hints.set(h.ref, h)
  }

  /** Articles a bundle brought (or found) for the sender's article ids. */
  bind(ref: string, article: LocalArticle): void {
    this.bound.set(ref, article)
  }

  // Live articles by id, web address or content hash (the indexed columns), oldest first.
  private byId(id: string): LocalArticle | null {
    return this.one('SELECT rowid, id, content_hash AS contentHash FROM articles WHERE id = ? AND deleted_at IS NULL', id)
  }

  private byHash(hash: string): LocalArticle | null {
    return this.one('SELECT rowid, id, content_hash AS contentHash FROM articles WHERE content_hash = ? AND deleted_at IS NULL ORDER BY rowid LIMIT 1', hash)
  }

  private bySource(source: string): LocalArticle | null {
    return this.one('SELECT rowid, id, content_hash AS contentHash FROM articles WHERE source = ? AND deleted_at IS NULL ORDER BY rowid LIMIT 1', source)
  }

  private one(query: string, value: string): LocalArticle | null {
    return (sql(this.lib, query).get(value) as LocalArticle | undefined) ?? null
  }

  /** The content hash the sender's article had, when the file says. */
  senderHash(a: IncomingAnnotation): string | null {
    if (a.source.startsWith(HASH_SOURCE_PREFIX)) return a.source.slice(HASH_SOURCE_PREFIX.length)
    return (a.articleRef && this.hints.get(a.articleRef)?.contentHash) || null
  }

  /** This library's article for the annotation, by id, address or hash; null when none. */
  find(a: IncomingAnnotation): { article: LocalArticle; by: MatchedBy } | null {
    const key = articleKey(a)
    if (this.cache.has(key)) return this.cache.get(key)!
    const hint = a.articleRef ? this.hints.get(a.articleRef) : undefined
    const bound = a.articleRef ? this.bound.get(a.articleRef) : undefined
    let found: { article: LocalArticle; by: MatchedBy } | null = bound ? { article: bound, by: 'bundle' } : null
    if (!found && a.articleRef) found = wrap(this.byId(a.articleRef), 'id')
    const url = isUrl(a.source) ? a.source : isUrl(hint?.source) ? hint!.source : null
    if (!found && url) found = wrap(this.bySource(url), 'source')
    const hash = this.senderHash(a)
    if (!found && hash) found = wrap(this.byHash(hash), 'hash')
    this.cache.set(key, found)
    return found
  }

  /**
   * For annotations whose article matched nothing else: the article whose
   * text holds most of their quotes. Candidates come from a full-text phrase
   * search for the longest quote; each is confirmed by anchoring every quote.
   */
  findByQuotes(group: readonly IncomingAnnotation[], textOf: (rowid: number) => string): LocalArticle | null {
    const longest = group.reduce((best, a) => (a.exact.length > best.exact.length ? a : best), group[0])
    if (!longest || longest.exact.length < QUOTE_MATCH_MIN_CHARS) return null
    const words = normalizeForIndex(longest.exact).match(/[\p{L}\p{N}]+/gu)?.slice(0, QUOTE_MATCH_WORDS) ?? []
    if (words.length < 3) return null
    const candidates = this.lib.db
      .prepare(
        `SELECT a.rowid, a.id, a.content_hash FROM articles_fts f JOIN articles a ON a.rowid = f.rowid
         WHERE articles_fts MATCH ? AND a.deleted_at IS NULL LIMIT ?`
      )
      .all(`text : "${words.join(' ')}"`, QUOTE_MATCH_CANDIDATES) as { rowid: number; id: string; content_hash: string }[]
    let best: { article: LocalArticle; placed: number } | null = null
    for (const c of candidates) {
      const text = textOf(c.rowid)
      const placed = group.filter((a) => anchor(text, selectorsOf(a)) !== null).length
      if (placed >= Math.max(1, group.length * QUOTE_MATCH_SHARE) && (!best || placed > best.placed))
        best = { article: { rowid: c.rowid, id: c.id, contentHash: c.content_hash }, placed }
    }
    if (best) this.cache.set(articleKey(group[0]), { article: best.article, by: 'quote' })
    return best?.article ?? null
  }
}

function wrap(article: LocalArticle | null, by: MatchedBy): { article: LocalArticle; by: MatchedBy } | null {
  return article ? { article, by } : null
}

function selectorsOf(a: IncomingAnnotation) {
  return {
    position: { type: 'TextPositionSelector' as const, start: a.start ?? Number.NaN, end: a.end ?? Number.NaN },
    quote: { type: 'TextQuoteSelector' as const, exact: a.exact, prefix: a.prefix, suffix: a.suffix }
  }
}
