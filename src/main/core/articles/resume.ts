import type { OpenedArticle, ResumePoint } from '../../../shared/api/reading'
import type { Library } from '../library'
import { sql } from '../annotations/statements'
import { blockIndexOf, type BlockIndex } from './block-index'
import { getArticleHead } from './content'

/** HTML fetched first when a long article is reopened part-way: about as much as from its start. */
export const RESUME_HTML_BYTES = 64 * 1024
/** Text after the saved position in what is fetched first: at least the reader's first two screens. */
export const RESUME_TEXT_CHARS = 16_000

/**
 * Where to reopen an article with these marks at `progress` (a fraction of its
 * text): the mark at or before the position and one at least RESUME_HTML_BYTES
 * and RESUME_TEXT_CHARS after it. Null at the start, and for an article too short
 * to have marks past its first (fetching it whole is as quick).
 */
export function resumePoint(index: BlockIndex, progress: number): ResumePoint | null {
  const { marks, textLength } = index
  if (!(progress > 0) || marks.length < 2) return null
  const offset = Math.round(Math.min(1, progress) * textLength)
  let lo = 0
  let hi = marks.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1
    if (marks[mid][0] <= offset) lo = mid
    else hi = mid - 1
  }
  const from = marks[lo]
  let end = lo + 1
  while (end < marks.length && (marks[end][3] - from[3] < RESUME_HTML_BYTES || marks[end][0] < offset + RESUME_TEXT_CHARS)) end++
  return { offset, textLength, from, to: marks[end] ?? null }
}

/** A live article's details and, when its reading position is part-way, where to resume it; `not_found` otherwise. */
export function openArticle(lib: Library, id: string): OpenedArticle {
  const head = getArticleHead(lib, id)
  if (!(head.progress > 0)) return head
  const { rowid } = sql(lib, 'SELECT rowid FROM articles WHERE id = ?').get(id) as { rowid: number }
  const index = blockIndexOf(lib, rowid)
  const resume = index && resumePoint(index, head.progress)
  return resume ? { ...head, resume } : head
}
