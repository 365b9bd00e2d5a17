import type { LibraryFilterValue } from '../../../shared/api/library'
import type { Library } from '../library'
import { ARTICLE_UNDER, ARTICLES_UNDER, tagNode } from '../tags/nodes'
import { validateTagPath } from '../tags/path'
import type { Where } from './where'

/**
 * Above this many tagged articles, a page is found faster by walking the sort
 * index and checking each article's tags (the first 100 matches come early)
 * than by fetching every tagged article and sorting them.
 */
export const DRIVE_LIMIT = 3_000

/** The tag conditions of a filter, numbered as planTagDrive numbers them: each of tagsAll, then tagsAny as one. */
function tagConditions(f: LibraryFilterValue): string[][] {
  return [...f.tagsAll.map((t) => [t]), ...(f.tagsAny.length ? [f.tagsAny] : [])]
}

/**
 * How a page query should use the tag conditions: the index of the one to
 * drive from (its tagged articles fetched, then sorted) when it has fewer than
 * DRIVE_LIMIT articles, or -1 to walk the sort index and check tags per row.
 * Counting stops at the limit, so planning costs a few thousand index entries
 * at most, whatever the library size. Undefined without tag conditions.
 * (Exclusions alone walk: NOT EXISTS per row beats a full NOT IN list per page.)
 */
export function planTagDrive(lib: Library, f: LibraryFilterValue): number | undefined {
  const conditions = tagConditions(f)
  if (conditions.length === 0) return f.tagsNone.length ? -1 : undefined
  const count = lib.db.prepare(`SELECT count(*) FROM (${ARTICLES_UNDER} LIMIT ?)`).pluck()
  let best = -1
  let bestN = DRIVE_LIMIT
  conditions.forEach((paths, i) => {
    const n = paths.reduce((sum, p) => sum + (count.get(tagNode(p), DRIVE_LIMIT) as number), 0)
    if (n < bestN) {
      best = i
      bestN = n
    }
  })
  return best
}

/** Per-row check: does article `a` carry one of these tags (or a child)? A primary-key probe per tag, cheap when the sort index drives. */
function existsSql(n: number): string {
  return Array(n).fill(ARTICLE_UNDER).join(' OR ')
}

/**
 * Adds the filter's tag conditions. Without a plan (counts, bulk selections)
 * each is an IN list SQLite may drive from; with one, only the driving
 * condition is an IN list and the others are per-row EXISTS checks, which cost
 * nothing while walking an index but would cost a full list per page as IN.
 */
export function addTagConditions(w: Where, f: LibraryFilterValue, drive?: number): void {
  const params = (paths: string[]) => paths.map((p) => tagNode(validateTagPath(p)))
  tagConditions(f).forEach((paths, i) => {
    if (drive !== undefined && drive !== i) w.add(existsSql(paths.length), ...params(paths))
    else w.add(`a.rowid IN (${paths.map(() => ARTICLES_UNDER).join(' UNION ALL ')})`, ...params(paths))
  })
  for (const t of f.tagsNone)
    if (drive !== undefined) w.add(`NOT ${existsSql(1)}`, ...params([t]))
    else w.add(`a.rowid NOT IN (${ARTICLES_UNDER})`, ...params([t]))
}
