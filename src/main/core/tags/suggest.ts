import type { Library } from '../library'
import { foldTag } from './fold'

/** Candidates looked at before ranking by use; autocomplete shows far fewer. */
const MAX_CANDIDATES = 200

/**
 * Tag paths for autocomplete: paths starting with the typed text first, then
 * paths with a segment starting with it ("kaz" finds "region/kazakhstan"); within
 * each group the most used first.
 */
export function suggestTags(lib: Library, prefix: string, limit: number): string[] {
  const p = foldTag(prefix.trim())
  const rows = lib.db
    .prepare(
      `SELECT path, (fold >= @p AND fold < @p || char(1114111)) AS starts,
         (SELECT count(*) FROM article_tags at WHERE at.tag_id = tags.id) AS uses
       FROM tags WHERE @p = '' OR (fold >= @p AND fold < @p || char(1114111)) OR instr(fold, '/' || @p) > 0
       ORDER BY starts DESC, fold LIMIT @limit`
    )
    .all({ p, limit: MAX_CANDIDATES }) as { path: string; starts: number; uses: number }[]
  rows.sort((a, b) => b.starts - a.starts || b.uses - a.uses || a.path.localeCompare(b.path))
  return rows.slice(0, limit).map((r) => r.path)
}
