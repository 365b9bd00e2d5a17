import type { TagDeleteResult } from '../../../shared/api/tags'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { ensureTag } from './attach'
import { validateTagPath } from './path'
import { subtreeRows } from './subtree'

/** What tag_trash keeps per deleted tag: enough to put every link back. */
interface TrashedTag {
  path: string
  articles: number[]
  annotations: number[]
}

/**
 * Deletes a tag and its children: they leave every article and annotation. The
 * links are kept in tag_trash first, so restoreTags can put them all back.
 */
export function deleteTag(lib: Library, path: string, now = new Date().toISOString()): TagDeleteResult {
  validateTagPath(path)
  return lib.write(() => {
    const rows = subtreeRows(lib, path)
    if (rows.length === 0) throw new ScholiaError('not_found', `no tag "${path}" — nothing to delete`)
    const articles = lib.db.prepare('SELECT article_rowid FROM article_tags WHERE tag_id = ?').pluck()
    const annotations = lib.db.prepare('SELECT annotation_rowid FROM annotation_tags WHERE tag_id = ?').pluck()
    const trashed: TrashedTag[] = rows.map((r) => ({
      path: r.path,
      articles: articles.all(r.id) as number[],
      annotations: annotations.all(r.id) as number[]
    }))
    const id = lib.db.prepare('INSERT INTO tag_trash(deleted_at, tags) VALUES (?, ?)').run(now, JSON.stringify(trashed)).lastInsertRowid
    const drop = lib.db.prepare('DELETE FROM tags WHERE id = ?')
    for (const r of rows) drop.run(r.id)
    return {
      tags: rows.length,
      articles: new Set(trashed.flatMap((t) => t.articles)).size,
      annotations: new Set(trashed.flatMap((t) => t.annotations)).size,
      undoToken: String(id)
    }
  })
}

/**
 * Undoes deleteTag: the tags come back (or join a tag of the same name created
 * since) on every article and annotation that still exists.
 */
export function restoreTags(lib: Library, undoToken: string): number {
  return lib.write(() => {
    const row = lib.db.prepare('SELECT tags FROM tag_trash WHERE id = ?').get(Number(undoToken)) as { tags: string } | undefined
    if (!row) throw new ScholiaError('not_found', 'nothing to restore for this undo — the tag was already restored')
    const trashed = JSON.parse(row.tags) as TrashedTag[]
    const linkArticles = lib.db.prepare(
      'INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) SELECT value, ? FROM json_each(?) WHERE value IN (SELECT rowid FROM articles)'
    )
    const linkAnnotations = lib.db.prepare(
      'INSERT OR IGNORE INTO annotation_tags(annotation_rowid, tag_id) SELECT value, ? FROM json_each(?) WHERE value IN (SELECT rowid FROM annotations)'
    )
    for (const t of trashed) {
      const id = ensureTag(lib, t.path)
      linkArticles.run(id, JSON.stringify(t.articles))
      linkAnnotations.run(id, JSON.stringify(t.annotations))
    }
    lib.db.prepare('DELETE FROM tag_trash WHERE id = ?').run(Number(undoToken))
    return trashed.length
  })
}
