import type { Annotation, Color } from '../../../shared/model'

/** Columns of an annotation row as every query here selects them. */
export const ANNOTATION_COLUMNS = `n.rowid, n.id, n.article_id, n.start_pos, n.end_pos, n.exact, n.prefix, n.suffix,
  n.color, n.note, n.creator, n.created_at, n.updated_at, n.deleted_at, n.orphaned`

export interface AnnotationRow {
  rowid: number
  id: string
  article_id: string
  start_pos: number
  end_pos: number
  exact: string
  prefix: string
  suffix: string
  color: string
  note: string
  creator: string | null
  created_at: string
  updated_at: string
  deleted_at: string | null
  orphaned: number
}

/** The API shape of a stored row; `tags` come from a separate query. */
export function toAnnotation(r: AnnotationRow, tags: string[]): Annotation {
  return {
    id: r.id,
    articleId: r.article_id,
    start: r.start_pos,
    end: r.end_pos,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    color: r.color as Color,
    note: r.note,
    tags,
    creator: r.creator,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    orphaned: r.orphaned === 1
  }
}
