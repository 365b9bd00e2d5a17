import type { LibraryFilterValue } from '../../../shared/api/library'
import { articleQueryConditions, ARTICLES_WITH_TAG } from '../search/conditions'
import { parseQuery } from '../search/parse'
import type { Library } from '../library'
import { SUBTREE_SQL, subtreeParams } from '../tags/fold'
import { validateTagPath } from '../tags/path'
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
 * Above this many tagged articles, a page is found faster by walking the sort
 * index and testing membership (the first 100 matches come early) than by
 * fetching every tagged article and sorting them.
 */
export const DRIVE_LIMIT = 3_000

/** The tag conditions of a filter, in the order filterWhere numbers them: each of tagsAll, then tagsAny as one. */
function tagConditions(f: LibraryFilterValue): string[][] {
  return [...f.tagsAll.map((t) => [t]), ...(f.tagsAny.length ? [f.tagsAny] : [])]
}

/**
 * Which tag condition should drive a page query: the index of the one with the
 * fewest tagged articles if that is under DRIVE_LIMIT, or -1 to walk the sort
 * index. Counting stops at the limit, so this costs at most a few thousand index
 * entries whatever the library size.
 */
export function planTagDrive(lib: Library, f: LibraryFilterValue): number | undefined {
  const conditions = tagConditions(f)
  if (conditions.length === 0) return undefined
  const count = lib.db.prepare(`SELECT count(*) FROM (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE ${SUBTREE_SQL} LIMIT ?)`).pluck()
  let best = -1
  let bestN = DRIVE_LIMIT
  conditions.forEach((paths, i) => {
    const n = paths.reduce((sum, p) => sum + (count.get(...subtreeParams(p), DRIVE_LIMIT) as number), 0)
    if (n < bestN) {
      best = i
      bestN = n
    }
  })
  return best
}

/**
 * The library filter as conditions on live articles (alias `a`). Shared by the
 * list, its counts and bulk operations on "all matching", so what the user sees
 * is exactly what a bulk operation touches. `drive` (from planTagDrive) keeps
 * SQLite from using the other tag conditions as lookups: `+a.rowid` is the same
 * value but no longer an index term.
 */
export function filterWhere(f: LibraryFilterValue, drive?: number): Where {
  const w = new Where().add('a.deleted_at IS NULL')
  const rowid = (i: number) => (drive === undefined || drive === i ? 'a.rowid' : '+a.rowid')
  f.tagsAll.forEach((t, i) => w.add(`${rowid(i)} IN (${ARTICLES_WITH_TAG})`, ...subtreeParams(validateTagPath(t))))
  if (f.tagsAny.length) {
    const any = f.tagsAny.map(() => ARTICLES_WITH_TAG).join(' UNION ALL ')
    w.add(`${rowid(f.tagsAll.length)} IN (${any})`, ...f.tagsAny.flatMap((t) => subtreeParams(validateTagPath(t))))
  }
  for (const t of f.tagsNone) w.add(`a.rowid NOT IN (${ARTICLES_WITH_TAG})`, ...subtreeParams(validateTagPath(t)))
  if (f.read) w.add('a.is_read = ?', f.read === 'read' ? 1 : 0)
  if (f.archived !== null) w.add('a.archived = ?', f.archived ? 1 : 0)
  if (f.annotated !== null) w.add(f.annotated ? 'a.annotation_count > 0' : 'a.annotation_count = 0')
  const date = f.dateField === 'added' ? 'a.imported_at' : 'a.published'
  if (f.from) w.add(`${date} >= ?`, f.from)
  if (f.to) w.add(`${date} < ?`, dayAfter(f.to))
  if (f.site) w.add(SITE_SQL, likeContains(f.site), likeContains(f.site))
  if (f.formats.length) w.add(`a.format IN (${f.formats.map(() => '?').join(', ')})`, ...f.formats)
  if (f.query.trim()) articleQueryConditions(parseQuery(f.query), w)
  return w
}
