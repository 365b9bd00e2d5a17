/**
 * Test data for library, tag and search tests: articles written through the
 * store's own insert (so the search index is what the app writes) and
 * highlights through the annotations core.
 */
import { createHash } from 'node:crypto'
import type { Color } from '../../../shared/model'
import { createAnnotation } from '../annotations/create'
import { insertArticle } from '../articles/repo'
import type { Library } from '../library'
import { tagArticle } from '../tags/attach'

export interface TestArticle {
  title: string
  text?: string
  author?: string | null
  published?: string | null
  source?: string | null
  site?: string | null
  format?: string
  tags?: string[]
  importedAt?: string
  read?: boolean
  archived?: boolean
}

let serial = 0

/** Adds one article; returns its id and rowid. */
export function addArticle(lib: Library, a: TestArticle): { id: string; rowid: number } {
  const text = a.text ?? `${a.title}.`
  const html = `<p>${text}</p><!-- ${++serial} -->`
  return lib.write(() => {
    const r = insertArticle(
      lib,
      {
        title: a.title,
        author: a.author ?? null,
        published: a.published ?? null,
        source: a.source ?? null,
        site: a.site ?? null,
        format: a.format ?? 'html',
        encoding: null,
        language: null,
        html,
        text,
        contentHash: createHash('sha256').update(html).digest('hex')
      },
      a.importedAt
    )
    for (const t of a.tags ?? []) tagArticle(lib, r.rowid, t)
    if (a.read) lib.db.prepare('UPDATE articles SET is_read = 1 WHERE rowid = ?').run(r.rowid)
    if (a.archived) lib.db.prepare('UPDATE articles SET archived = 1 WHERE rowid = ?').run(r.rowid)
    return r
  })
}

/** Highlights the first occurrence of `exact` in the article's text. */
export function highlight(
  lib: Library,
  articleId: string,
  exact: string,
  opts: { color?: Color; note?: string; tags?: string[]; at?: string } = {}
): string {
  const text = lib.db
    .prepare('SELECT c.text FROM articles a JOIN article_content c ON c.article_rowid = a.rowid WHERE a.id = ?')
    .pluck()
    .get(articleId) as string
  const start = text.indexOf(exact)
  if (start < 0) throw new Error(`"${exact}" is not in the article`)
  return createAnnotation(
    lib,
    { articleId, start, end: start + exact.length, color: opts.color ?? 'yellow', note: opts.note ?? '', tags: opts.tags ?? [] },
    opts.at
  ).id
}
