import type { Library } from '../library'
import { foldTag } from './fold'
import { validateTagPath } from './path'

/** The existing tag a path names (case-insensitively), or undefined. */
export function findTag(lib: Library, path: string): { id: number; path: string } | undefined {
  return lib.db.prepare('SELECT id, path FROM tags WHERE fold = ?').get(foldTag(path)) as { id: number; path: string } | undefined
}

/**
 * Id of the tag with this path, creating it when new. Paths are unique
 * case-insensitively (in every script): "Регион/Казахстан" reuses an existing
 * "регион/казахстан", keeping the spelling it was first created with.
 */
export function ensureTag(lib: Library, path: string, now = new Date().toISOString()): number {
  validateTagPath(path)
  const row = findTag(lib, path)
  if (row) return row.id
  return Number(lib.db.prepare('INSERT INTO tags(path, fold, created_at) VALUES (?, ?, ?)').run(path, foldTag(path), now).lastInsertRowid)
}

export function tagArticle(lib: Library, articleRowid: number, path: string): void {
  const tagId = ensureTag(lib, path)
  lib.db.prepare('INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) VALUES (?, ?)').run(articleRowid, tagId)
}
