import { MAX_CLIPBOARD_ANNOTATIONS, type ExportPreview, type ExportScopeValue } from '../../../shared/api/export'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { safeStem } from './filenames'
import { articleMarkdown, clipboardMarkdown } from './markdown'
import { readArticles, type ExportArticle } from './rows'
import { resolveScope } from './scope'
import { checkTemplate, savedTemplate } from './template'

/** The Markdown file the template makes for the scope's first article, as the export would write it. */
export function previewMarkdown(lib: Library, scope: ExportScopeValue, template = savedTemplate(lib)): ExportPreview | null {
  checkTemplate(template)
  const rowids = resolveScope(lib, scope)
  const first = readArticles(lib, rowids.slice(0, 1), { annotations: true, tombstones: false, html: false }).next().value?.[0]
  if (!first) return null
  return { title: first.title, fileName: `${safeStem(first.title)}.md`, markdown: articleMarkdown(template, first), articles: rowids.length }
}

function liveCount(articles: readonly ExportArticle[]): number {
  return articles.reduce((n, a) => n + a.annotations.length, 0)
}

function tooMany(): ScholiaError {
  return new ScholiaError(
    'invalid_argument',
    `more than ${MAX_CLIPBOARD_ANNOTATIONS} annotations to copy — export them to a Markdown file instead`
  )
}

/**
 * Annotations as Markdown for the clipboard: the listed ones (in reading
 * order under their articles), or every live one of a scope.
 */
export function clipboardFor(lib: Library, what: { annotationIds?: string[]; scope?: ExportScopeValue }): { markdown: string; count: number } {
  let rowids: number[]
  let keep: Set<string> | null = null
  if (what.annotationIds) {
    keep = new Set(what.annotationIds)
    rowids = lib.db
      .prepare(
        `SELECT DISTINCT a.rowid FROM annotations n JOIN articles a ON a.id = n.article_id
         WHERE n.id IN (SELECT value FROM json_each(?)) AND n.deleted_at IS NULL AND a.deleted_at IS NULL
         ORDER BY a.title COLLATE NOCASE, a.rowid`
      )
      .pluck()
      .all(JSON.stringify(what.annotationIds)) as number[]
  } else rowids = resolveScope(lib, what.scope!)
  const articles: ExportArticle[] = []
  let count = 0
  for (const batch of readArticles(lib, rowids, { annotations: true, tombstones: false, html: false })) {
    for (const a of batch) {
      if (keep) a.annotations = a.annotations.filter((n) => keep.has(n.id))
      articles.push(a)
    }
    count = liveCount(articles)
    if (count > MAX_CLIPBOARD_ANNOTATIONS) throw tooMany()
  }
  if (what.annotationIds && count === 0)
    throw new ScholiaError('not_found', 'none of those annotations exist any more — they may have been deleted')
  return { markdown: clipboardMarkdown(articles), count }
}
