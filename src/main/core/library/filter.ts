import type { LibraryFilterValue } from '../../../shared/api/library'
import { articleQueryConditions } from '../search/conditions'
import { parseQuery } from '../search/parse'
import type { Library } from '../library'
import { liveArticle } from './dead'
import { pageMatchCondition } from './match-cache'
import { addTagConditions } from './tag-conditions'
import { Where } from './where'

const SITE_SQL = "a.site LIKE ? ESCAPE '\\' OR a.source LIKE ? ESCAPE '\\'"

/** Escapes LIKE wildcards so a site filter "a_b" means the text a_b. */
function likeContains(s: string): string {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/** The day after an ISO date: `to` includes its whole day, whatever time a timestamp carries. */
function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 1)
  return d.toISOString().slice(0, 10)
}

/**
 * The library filter as conditions on live articles (alias `a`). Shared by the
 * list, its counts and bulk operations on "all matching", so what the user sees
 * is exactly what a bulk operation touches. For page queries, `drive` (from
 * planTagDrive) says how to use the tag conditions (see tag-conditions.ts) and
 * `page` lets a common search word use the cached match set (match-cache.ts)
 * and tell live articles by rowid where that spares row reads (dead.ts).
 */
export function filterWhere(f: LibraryFilterValue, drive?: number, page?: Library): Where {
  const w = new Where().add(page ? liveArticle(page) : 'a.deleted_at IS NULL')
  addTagConditions(w, f, drive)
  if (f.read) w.add('a.is_read = ?', f.read === 'read' ? 1 : 0)
  if (f.archived !== null) w.add('a.archived = ?', f.archived ? 1 : 0)
  if (f.annotated !== null) w.add(f.annotated ? 'a.annotation_count > 0' : 'a.annotation_count = 0')
  const date = f.dateField === 'added' ? 'a.imported_at' : 'a.published'
  if (f.from) w.add(`${date} >= ?`, f.from)
  if (f.to) w.add(`${date} < ?`, dayAfter(f.to))
  if (f.site) w.add(SITE_SQL, likeContains(f.site), likeContains(f.site))
  if (f.formats.length) w.add(`a.format IN (${f.formats.map(() => '?').join(', ')})`, ...f.formats)
  if (f.query.trim()) articleQueryConditions(parseQuery(f.query), w, page ? (m) => pageMatchCondition(page, m) : undefined)
  return w
}
