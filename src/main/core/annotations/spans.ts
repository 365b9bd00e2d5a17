import type { AnnotationSpans } from '../../../shared/api/reading'
import type { Color } from '../../../shared/model'
import type { Library } from '../library'
import { requireArticle } from './article-text'
import { sql } from './statements'

/**
 * An article's live, placed highlights as columns, in reading order: the four
 * short columns the reader paints with. Reading every column of 10,000 rows
 * (quotes, context, notes, timestamps) and sending them as objects costs ten
 * times as much; the reader fetches those with `annotations.list` afterwards.
 */
export function listAnnotationSpans(lib: Library, articleId: string): AnnotationSpans {
  requireArticle(lib, articleId)
  const rows = sql(
    lib,
    `SELECT id, start_pos, end_pos, color FROM annotations
     WHERE article_id = ? AND deleted_at IS NULL AND orphaned = 0
     ORDER BY start_pos, end_pos, created_at, rowid`
  )
    .raw(true)
    .all(articleId) as [string, number, number, Color][]
  const n = rows.length
  const out: AnnotationSpans = { ids: new Array(n), starts: new Array(n), ends: new Array(n), colors: new Array(n) }
  for (let i = 0; i < n; i++) {
    const r = rows[i]
    out.ids[i] = r[0]
    out.starts[i] = r[1]
    out.ends[i] = r[2]
    out.colors[i] = r[3]
  }
  return out
}
