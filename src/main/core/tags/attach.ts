import type { Library } from '../library'
import { validateTagPath } from './path'

/**
 * Id of the tag with this path, creating it when new. Paths are unique
 * case-insensitively: "Region/Kazakhstan" reuses an existing "region/kazakhstan".
 */
export function ensureTag(lib: Library, path: string, now = new Date().toISOString()): number {
  validateTagPath(path)
  const row = lib.db.prepare('SELECT id FROM tags WHERE path = ?').get(path) as { id: number } | undefined
  if (row) return row.id
  return Number(lib.db.prepare('INSERT INTO tags(path, created_at) VALUES (?, ?)').run(path, now).lastInsertRowid)
}

export function tagArticle(lib: Library, articleRowid: number, path: string): void {
  const tagId = ensureTag(lib, path)
  lib.db.prepare('INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) VALUES (?, ?)').run(articleRowid, tagId)
}
