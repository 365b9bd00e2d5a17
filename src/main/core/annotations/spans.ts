import type { AnnotationSpans } from '../../../shared/api/reading'
import type { Library } from '../library'
import { requireArticle } from './article-text'
import { sql } from './statements'

/**
 * The columns built by SQLite itself, as one JSON text: for 10,000 highlights
 * that costs about half the CPU of reading 40,000 values into JavaScript one by
 * one and gathering them. Reading order, as the index on (article_id,
 * start_pos) gives it.
 */
const SPANS_SQL = `SELECT json_object('ids', json_group_array(id), 'starts', json_group_array(start_pos),
    'ends', json_group_array(end_pos), 'colors', json_group_array(color)) AS columns
  FROM (SELECT id, start_pos, end_pos, color FROM annotations
        WHERE article_id = ? AND deleted_at IS NULL AND orphaned = 0 ORDER BY start_pos, end_pos)`

/**
 * An article's live, placed highlights as columns, in reading order: the four
 * short columns the reader paints with. Reading every column of 10,000 rows
 * (quotes, context, notes, timestamps) and sending them as objects costs several
 * times as much; the reader fetches those with `annotations.list` afterwards.
 */
export function listAnnotationSpans(lib: Library, articleId: string): AnnotationSpans {
  requireArticle(lib, articleId)
  const row = sql(lib, SPANS_SQL).get(articleId) as { columns: string }
  return JSON.parse(row.columns) as AnnotationSpans
}
