/**
 * Annotations from a teammate whose article is not in this library are kept
 * aside in `shared_pending` (never dropped) and attached when a later import
 * finds their article.
 */
import { toJson } from '../export/native-json'
import type { PendingNote } from '../../../shared/api/share'
import type { Library } from '../library'
import type { IncomingAnnotation, IncomingArticle } from './incoming'

interface PendingRow {
  id: string
  source: string | null
  title: string | null
  modified: string
  annotation: string
  received_at: string
}

export interface PendingEntry {
  annotation: IncomingAnnotation
  article: IncomingArticle | null
}

/**
 * Keeps an annotation aside, or refreshes the one kept under its id when the
 * file's version is newer. Returns whether anything was written. Call inside
 * a transaction.
 */
export function keepAside(lib: Library, e: PendingEntry, now: string): boolean {
  const old = lib.db.prepare('SELECT modified FROM shared_pending WHERE id = ?').pluck().get(e.annotation.id) as string | undefined
  if (old !== undefined && old >= e.annotation.modified) return false
  lib.db
    .prepare(
      `INSERT INTO shared_pending(id, source, content_hash, title, modified, deleted, annotation, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET source = excluded.source, content_hash = excluded.content_hash, title = excluded.title,
         modified = excluded.modified, deleted = excluded.deleted, annotation = excluded.annotation, received_at = excluded.received_at`
    )
    .run(
      e.annotation.id,
      e.annotation.source,
      e.article?.contentHash ?? null,
      e.article?.title ?? null,
      e.annotation.modified,
      e.annotation.deleted ? 1 : 0,
      toJson(e),
      now
    )
  return true
}

/** Every annotation kept aside, for another attempt at attaching them. */
export function allPending(lib: Library): PendingEntry[] {
  return (lib.db.prepare('SELECT annotation FROM shared_pending').pluck().all() as string[]).map((j) => JSON.parse(j) as PendingEntry)
}

/** The version kept aside under an id, if any. */
export function pendingModified(lib: Library, id: string): string | null {
  return (lib.db.prepare('SELECT modified FROM shared_pending WHERE id = ?').pluck().get(id) as string | undefined) ?? null
}

export function dropPending(lib: Library, id: string): void {
  lib.db.prepare('DELETE FROM shared_pending WHERE id = ?').run(id)
}

/** Live annotations kept aside: how many, and the first `limit` for the UI. */
export function listPending(lib: Library, limit = 100): { count: number; items: PendingNote[] } {
  const count = lib.db.prepare('SELECT count(*) FROM shared_pending WHERE deleted = 0').pluck().get() as number
  const rows = lib.db
    .prepare('SELECT id, source, title, modified, annotation, received_at FROM shared_pending WHERE deleted = 0 ORDER BY received_at DESC, id LIMIT ?')
    .all(limit) as PendingRow[]
  return {
    count,
    items: rows.map((r) => {
      const e = JSON.parse(r.annotation) as PendingEntry
      return { id: r.id, source: r.source, title: r.title, exact: e.annotation.exact, creator: e.annotation.creator, receivedAt: r.received_at }
    })
  }
}
