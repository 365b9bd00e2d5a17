import type { Library } from '../library'
import { SUBTREE_SQL, subtreeParams } from './fold'

export interface TagRow {
  id: number
  path: string
  fold: string
  created_at: string
}

/** The tag a path names and its descendants that exist as tags, shortest path first. */
export function subtreeRows(lib: Library, path: string): TagRow[] {
  return lib.db
    .prepare(`SELECT t.id, t.path, t.fold, t.created_at FROM tags t WHERE ${SUBTREE_SQL} ORDER BY length(t.fold), t.fold`)
    .all(...subtreeParams(path)) as TagRow[]
}

/** The path a descendant gets when its ancestor `from` is renamed to `to`. */
export function rebase(path: string, from: string, to: string): string {
  return to + path.slice(from.length)
}
