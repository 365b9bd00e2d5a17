import type { Library } from '../library'

/** Tag paths of many articles in one query, keyed by article rowid. */
export function tagsByArticle(lib: Library, rowids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  if (rowids.length === 0) return out
  const rows = lib.db
    .prepare(
      `SELECT at.article_rowid AS r, t.path AS path FROM article_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.article_rowid IN (SELECT value FROM json_each(?)) ORDER BY t.path`
    )
    .all(JSON.stringify(rowids)) as { r: number; path: string }[]
  for (const { r, path } of rows) {
    const list = out.get(r)
    if (list) list.push(path)
    else out.set(r, [path])
  }
  return out
}
