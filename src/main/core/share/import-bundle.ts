/**
 * The articles a bundle brings. Their HTML is never trusted: it goes through
 * the import pipeline's own sanitising and canonicalising (prepareDoc) like
 * any imported page. An article this library already has (same id, address
 * or content) is not replaced — the teammate's annotations are placed on the
 * copy here — but gains the bundle's tags, and its note when it has none.
 */
import type { ShareRejection } from '../../../shared/api/share'
import { ScholiaError } from '../../../shared/errors'
import { findByHash, findBySource, insertArticle, type NewArticle } from '../articles/repo'
import { prepareDoc } from '../import/prepare'
import { ImportError } from '../import/types'
import type { Library } from '../library'
import { ensureTag, tagArticle } from '../tags/attach'
import type { ArticleMatcher, LocalArticle } from './match'
import type { BundleArticleIn, BundleContents } from './read-bundle'

export interface PreparedBundleArticle {
  meta: BundleArticleIn
  article: NewArticle
}

const isUrl = (s: string | null): s is string => !!s && /^https?:\/\//i.test(s)

/** Sanitises every article of a bundle (CPU work, done before the write transaction). */
export function prepareBundleArticles(contents: BundleContents, rejected: ShareRejection[]): PreparedBundleArticle[] {
  const out: PreparedBundleArticle[] = []
  for (const { meta, html } of contents.articles) {
    try {
      const article = prepareDoc(
        { title: meta.title, author: meta.author, published: meta.published, html, url: isUrl(meta.source) ? meta.source : null, site: meta.site, language: meta.language },
        meta.format,
        'UTF-8',
        meta.source
      )
      out.push({ meta, article })
    } catch (e) {
      if (!(e instanceof ImportError)) throw e
      rejected.push({ id: meta.id, reason: `article "${meta.title.slice(0, 80)}": ${e.message}` })
    }
  }
  return out
}

function localById(lib: Library, id: string): LocalArticle | null {
  const r = lib.db.prepare('SELECT rowid, id, content_hash FROM articles WHERE id = ? AND deleted_at IS NULL').get(id) as
    | { rowid: number; id: string; content_hash: string }
    | undefined
  return r ? { rowid: r.rowid, id: r.id, contentHash: r.content_hash } : null
}

function existing(lib: Library, p: PreparedBundleArticle): LocalArticle | null {
  const byId = localById(lib, p.meta.id)
  if (byId) return byId
  const url = isUrl(p.meta.source) ? p.meta.source : null
  const bySource = url ? findBySource(lib, url)[0] : undefined
  if (bySource) return { rowid: bySource.rowid, id: bySource.id, contentHash: bySource.content_hash }
  for (const hash of [p.article.contentHash, p.meta.contentHash]) {
    const r = hash ? findByHash(lib, hash) : undefined
    if (r) return localById(lib, r.id)
  }
  return null
}

/** Tags a tag path if it is a valid one; a bad tag in a teammate's file is reported, not fatal. */
function tryTag(lib: Library, rejected: ShareRejection[], run: () => void, path: string): void {
  try {
    run()
  } catch (e) {
    if (!(e instanceof ScholiaError)) throw e
    rejected.push({ id: null, reason: `tag "${path.slice(0, 80)}": ${e.message}` })
  }
}

/**
 * Stores the bundle's articles this library lacks (keeping the sender's
 * article id when it is free here, so later files from them match by id) and
 * tells the matcher where each of the sender's articles is. Call inside the
 * import's transaction. Returns how many articles were added.
 */
export function storeBundleArticles(
  lib: Library,
  prepared: readonly PreparedBundleArticle[],
  matcher: ArticleMatcher,
  vocabulary: readonly string[],
  rejected: ShareRejection[],
  now: string
): number {
  let added = 0
  const setNoteIfEmpty = lib.db.prepare("UPDATE articles SET note = ? WHERE rowid = ? AND note = ''")
  for (const p of prepared) {
    let local = existing(lib, p)
    if (!local) {
      const inserted = insertArticle(lib, p.article, now)
      lib.db
        .prepare('UPDATE articles SET id = ? WHERE rowid = ? AND NOT EXISTS (SELECT 1 FROM articles WHERE id = ?)')
        .run(p.meta.id, inserted.rowid, p.meta.id)
      const id = lib.db.prepare('SELECT id FROM articles WHERE rowid = ?').pluck().get(inserted.rowid) as string
      local = { rowid: inserted.rowid, id, contentHash: p.article.contentHash }
      added++
    }
    setNoteIfEmpty.run(p.meta.note, local.rowid)
    const rowid = local.rowid
    for (const t of p.meta.tags) tryTag(lib, rejected, () => tagArticle(lib, rowid, t), t)
    matcher.bind(p.meta.id, local)
  }
  // The bundle's tag vocabulary comes along, even tags nothing here carries yet.
  for (const t of vocabulary) tryTag(lib, rejected, () => ensureTag(lib, t, now), t)
  return added
}
