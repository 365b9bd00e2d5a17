import type { Annotation, Color } from '../../../shared/model'
import type { Library } from '../library'
import { articleText } from './article-text'
import { currentCreator, getAnnotation, indexAnnotation, bumpAnnotationCount, setAnnotationTags } from './repo'
import { selectorsFor } from './selection'
import { sql } from './statements'
import { newId } from '../ids'

/** A highlight as the UI asks for it: a range of the article's plain text. */
export interface NewAnnotation {
  articleId: string
  start: number
  end: number
  color: Color
  note: string
  tags: string[]
}

/**
 * Highlights `[start, end)` of the article's stored plain text (trimmed of
 * surrounding whitespace) and returns the stored annotation.
 *
 * Asking twice for the same words in the same colour (a double click, a
 * retried request) returns the highlight that already exists rather than a
 * duplicate stacked on it; a different colour on the same words is a new,
 * overlapping highlight.
 *
 * @throws ScholiaError `invalid_argument` for an empty, whitespace-only or
 *         out-of-range selection or a bad tag; `not_found` for an unknown article.
 */
export function createAnnotation(lib: Library, a: NewAnnotation, now = new Date().toISOString()): Annotation {
  return lib.write(() => {
    const article = articleText(lib, a.articleId)
    const { position, quote } = selectorsFor(article.text, a.start, a.end)
    const same = sql(
      lib,
      `SELECT id FROM annotations WHERE article_id = ? AND start_pos = ? AND end_pos = ? AND color = ?
         AND deleted_at IS NULL AND orphaned = 0 LIMIT 1`
    ).get(article.id, position.start, position.end, a.color) as { id: string } | undefined
    if (same) return getAnnotation(lib, same.id)

    const id = newId()
    const insert = sql(
      lib,
      `INSERT INTO annotations(id, article_id, start_pos, end_pos, exact, prefix, suffix, color, note, creator,
         created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    )
    const { exact, prefix, suffix } = quote
    const creator = currentCreator(lib)
    const rowid = Number(
      insert.run(id, article.id, position.start, position.end, exact, prefix, suffix, a.color, a.note, creator, now, now)
        .lastInsertRowid
    )
    setAnnotationTags(lib, rowid, a.tags, now)
    indexAnnotation(lib, rowid, quote.exact, a.note)
    bumpAnnotationCount(lib, article.id, 1)
    return getAnnotation(lib, id)
  })
}
