/**
 * Merges a teammate's annotations into this library. An annotation keeps its
 * id everywhere, so the same file imported twice finds every annotation
 * already there and changes nothing. For an id both sides have, the newer
 * `modified` wins — deletes (tombstones) included — and the winner's
 * modified time is stored as the annotation's own, so two libraries that
 * exchange files end up equal whichever imports first.
 */
import type { ShareRejection } from '../../../shared/api/share'
import { indexAnnotation, refreshAnnotationCount, unindexAnnotation } from '../annotations/repo'
import { ANNOTATION_COLUMNS, type AnnotationRow } from '../annotations/rows'
import { sql } from '../annotations/statements'
import type { Library } from '../library'
import { normalizeForIndex } from '../search-text'
import { ensureTag } from '../tags/attach'
import { foldTag } from '../tags/fold'
import type { IncomingAnnotation } from './incoming'
import type { ArticleMatcher, LocalArticle } from './match'
import { OutOfRange, place, type Placement } from './place'

/**
 * Creator stored for a teammate's annotation that names none. Null means
 * "made here" (exports write the user's identity for it), so an unnamed
 * teammate is stored as the empty string instead: not shown, never taken
 * for the user's own.
 */
export const UNKNOWN_CREATOR = ''
/** Ids checked per query by prefetch. */
const PREFETCH_IDS = 5_000
/** Article texts kept while merging; annotations come grouped by article, so a few suffice. */
const CACHED_TEXTS = 8
/**
 * New search entries held back and written together. FTS5 writes its pending
 * entries to disk at every statement savepoint, and each tag link (its
 * triggers) opens one: interleaved, that made a segment per annotation and
 * cost ~0.1 ms per link. Bounded so that memory stays small on huge files.
 */
const FTS_BATCH = 20_000

export interface MergeCounts {
  added: number
  updated: number
  unchanged: number
  deleted: number
  orphaned: number
}

export class NotesMerger {
  readonly counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, deleted: 0, orphaned: 0 }
  readonly rejected: ShareRejection[] = []
  private texts = new Map<number, string>()
  private tagIds = new Map<string, number>()
  private touched = new Set<string>()
  /** Ids looked up by prefetch, and those of them this library has. */
  private prefetched: Set<string> | null = null
  private known = new Set<string>()
  /** Search entries of inserted annotations not yet written: [rowid, exact, note], normalised. */
  private pendingFts: [number, string, string][] = []

  constructor(
    private readonly lib: Library,
    private readonly matcher: ArticleMatcher,
    private readonly now: string
  ) {}

  /** The stored plain text of an article, from a small cache. */
  textOf(rowid: number): string {
    let t = this.texts.get(rowid)
    if (t === undefined) {
      t = (sql(this.lib, 'SELECT text FROM article_content WHERE article_rowid = ?').pluck().get(rowid) as string | undefined) ?? ''
      if (this.texts.size >= CACHED_TEXTS) this.texts.delete(this.texts.keys().next().value!)
      this.texts.set(rowid, t)
    }
    return t
  }

  /**
   * Notes which of these ids this library already has (tombstoned or not),
   * in a few queries, so that localRow need not look up the others one by one:
   * in a first import of a teammate's file, none are here.
   */
  prefetch(ids: readonly string[]): void {
    const known = sql(this.lib, 'SELECT id FROM annotations WHERE id IN (SELECT value FROM json_each(?))').pluck()
    for (let i = 0; i < ids.length; i += PREFETCH_IDS) for (const id of known.all(JSON.stringify(ids.slice(i, i + PREFETCH_IDS))) as string[]) this.known.add(id)
    this.prefetched = new Set(ids)
  }

  /** This library's row for an id, tombstoned or not. */
  localRow(id: string): AnnotationRow | undefined {
    if (this.prefetched?.has(id) && !this.known.has(id)) return undefined
    return sql(this.lib, `SELECT ${ANNOTATION_COLUMNS} FROM annotations n WHERE n.id = ?`).get(id) as AnnotationRow | undefined
  }

  /** Sets an annotation's tags; `fresh`: a row just inserted, which has none to clear. */
  private setTags(rowid: number, tags: readonly string[], fresh = false): void {
    if (!fresh) sql(this.lib, 'DELETE FROM annotation_tags WHERE annotation_rowid = ?').run(rowid)
    const attach = sql(this.lib, 'INSERT OR IGNORE INTO annotation_tags(annotation_rowid, tag_id) VALUES (?, ?)')
    for (const t of tags) {
      const key = foldTag(t)
      let id = this.tagIds.get(key)
      if (id === undefined) this.tagIds.set(key, (id = ensureTag(this.lib, t, this.now)))
      attach.run(rowid, id)
    }
  }

  private placeOn(article: LocalArticle, a: IncomingAnnotation): Placement | null {
    try {
      return place(this.textOf(article.rowid), a, this.matcher.senderHash(a) === article.contentHash)
    } catch (e) {
      if (!(e instanceof OutOfRange)) throw e
      this.rejected.push({ id: a.id, reason: e.message })
      return null
    }
  }

  /** Adds an annotation this library has never had to its matched article. */
  insert(a: IncomingAnnotation, article: LocalArticle): void {
    const p = this.placeOn(article, a)
    if (!p) return
    const rowid = Number(
      sql(
        this.lib,
        `INSERT INTO annotations(id, article_id, start_pos, end_pos, exact, prefix, suffix, color, note, creator,
           created_at, updated_at, deleted_at, orphaned)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      ).run(a.id, article.id, p.start, p.end, p.exact, p.prefix, p.suffix, a.color, a.note, a.creator ?? UNKNOWN_CREATOR,
        a.created, a.modified, a.deleted, p.orphaned ? 1 : 0).lastInsertRowid
    )
    this.setTags(rowid, a.tags, true)
    // A tombstone for an annotation never seen here is stored too, so an older file cannot bring it back.
    if (a.deleted) return
    // A new row has no search entry yet: insert it straight (indexAnnotation would first delete one).
    this.pendingFts.push([rowid, normalizeForIndex(p.exact), normalizeForIndex(a.note)])
    if (this.pendingFts.length >= FTS_BATCH) this.flushFts()
    this.touched.add(article.id)
    this.counts.added++
    if (p.orphaned) this.counts.orphaned++
  }

  /** Merges the file's version into this library's row of the same id: the newer `modified` wins. */
  update(local: AnnotationRow, a: IncomingAnnotation): void {
    // Its entry may be among the held-back ones (an id twice in a file); write them before touching it.
    this.flushFts()
    if (a.modified <= local.updated_at) {
      // A delete both sides already have is not news either way; it is not counted.
      if (!(a.deleted && local.deleted_at !== null)) this.counts.unchanged++
      return
    }
    let p: Placement = {
      start: local.start_pos, end: local.end_pos, exact: local.exact, prefix: local.prefix, suffix: local.suffix, orphaned: local.orphaned === 1
    }
    const moved = a.exact !== local.exact || (a.start !== null && (a.start !== local.start_pos || a.end !== local.end_pos))
    if (moved) {
      const article = sql(this.lib, 'SELECT rowid, id, content_hash AS contentHash FROM articles WHERE id = ?').get(local.article_id) as
        | LocalArticle
        | undefined
      const placed = article ? this.placeOn(article, a) : p
      if (!placed) return
      p = placed
    }
    sql(
      this.lib,
      `UPDATE annotations SET start_pos = ?, end_pos = ?, exact = ?, prefix = ?, suffix = ?, color = ?, note = ?, creator = ?,
         created_at = ?, updated_at = ?, deleted_at = ?, orphaned = ? WHERE rowid = ?`
    ).run(p.start, p.end, p.exact, p.prefix, p.suffix, a.color, a.note, a.creator ?? local.creator ?? UNKNOWN_CREATOR,
      a.created, a.modified, a.deleted, p.orphaned ? 1 : 0, local.rowid)
    this.setTags(local.rowid, a.tags)
    const wasLive = local.deleted_at === null
    if (a.deleted) unindexAnnotation(this.lib, local.rowid)
    else indexAnnotation(this.lib, local.rowid, p.exact, a.note)
    if (wasLive || !a.deleted) this.touched.add(local.article_id)
    if (wasLive && a.deleted) this.counts.deleted++
    else if (!wasLive && a.deleted) this.counts.unchanged++
    else {
      this.counts.updated++
      if (p.orphaned) this.counts.orphaned++
    }
  }

  /** Writes the held-back search entries of inserted annotations. */
  private flushFts(): void {
    if (this.pendingFts.length === 0) return
    const add = sql(this.lib, 'INSERT INTO annotations_fts(rowid, exact, note) VALUES (?, ?, ?)')
    for (const [rowid, exact, note] of this.pendingFts) add.run(rowid, exact, note)
    this.pendingFts = []
  }

  /** Recounts the live annotations of every article the merge touched. */
  finish(): void {
    this.flushFts()
    for (const id of this.touched) refreshAnnotationCount(this.lib, id)
  }
}
