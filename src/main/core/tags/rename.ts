import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { ensureTag } from './attach'
import { foldTag } from './fold'
import { validateTagPath } from './path'
import { rebase, subtreeRows } from './subtree'

function missing(path: string): never {
  throw new ScholiaError('not_found', `no tag "${path}" — see the tag list with 'scholia tag --list' or the tag pane`)
}

/**
 * Renames a tag and its children in one transaction (`region` → `place` also
 * makes `region/kazakhstan` into `place/kazakhstan`). Changing only the case is
 * allowed; renaming onto a tag that already exists is refused — that is a merge.
 */
export function renameTag(lib: Library, from: string, to: string): number {
  validateTagPath(from)
  validateTagPath(to)
  return lib.write(() => {
    const rows = subtreeRows(lib, from)
    if (rows.length === 0) missing(from)
    const ids = new Set(rows.map((r) => r.id))
    const planned = rows.map((r) => {
      const path = validateTagPath(rebase(r.path, from, to))
      return { id: r.id, path, fold: foldTag(path) }
    })
    const clash = lib.db.prepare('SELECT id, path FROM tags WHERE fold = ?')
    for (const p of planned) {
      const other = clash.get(p.fold) as { id: number; path: string } | undefined
      if (other && !ids.has(other.id))
        throw new ScholiaError('conflict', `tag "${other.path}" already exists — merge "${from}" into "${to}" instead of renaming`)
    }
    const update = lib.db.prepare('UPDATE tags SET path = ?, fold = ? WHERE id = ?')
    // When a new name is one another tag of the subtree still has, two steps, so the unique index never
    // trips midway. Otherwise one: each step moves the tag's links in the tag tree (TAG_NODES_V1).
    const holder = new Map(rows.map((r) => [r.fold, r.id]))
    if (planned.some((p) => (holder.get(p.fold) ?? p.id) !== p.id))
      // (A control character: no real tag can have it, and unlike NUL it compares normally.)
      for (const p of planned) update.run(`\u0001${p.id}`, `\u0001${p.id}`, p.id)
    for (const p of planned) update.run(p.path, p.fold, p.id)
    return planned.length
  })
}

/**
 * Merges `from` into `into`: every article and annotation tagged `from` gets
 * `into`, children move along (`from/x` into `into/x`, merging when that exists),
 * then `from` and its children are removed. Returns how many links were added.
 */
export function mergeTags(lib: Library, from: string, into: string): number {
  validateTagPath(from)
  validateTagPath(into)
  const f = foldTag(from)
  const i = foldTag(into)
  if (f === i) throw new ScholiaError('invalid_argument', `"${from}" and "${into}" are the same tag — give two different tags`)
  if (i.startsWith(`${f}/`)) throw new ScholiaError('invalid_argument', `cannot merge "${from}" into its own child "${into}" — rename it instead`)
  return lib.write(() => {
    const rows = subtreeRows(lib, from)
    if (rows.length === 0) missing(from)
    const moveArticles = lib.db.prepare('INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) SELECT article_rowid, ? FROM article_tags WHERE tag_id = ?')
    const moveAnnotations = lib.db.prepare(
      'INSERT OR IGNORE INTO annotation_tags(annotation_rowid, tag_id) SELECT annotation_rowid, ? FROM annotation_tags WHERE tag_id = ?'
    )
    const drop = lib.db.prepare('DELETE FROM tags WHERE id = ?')
    let moved = 0
    for (const r of rows) {
      const target = ensureTag(lib, validateTagPath(rebase(r.path, from, into)))
      moved += moveArticles.run(target, r.id).changes + moveAnnotations.run(target, r.id).changes
      drop.run(r.id)
    }
    return moved
  })
}
