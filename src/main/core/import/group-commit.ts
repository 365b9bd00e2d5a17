/**
 * Group commit for imports. One SQLite transaction per article made the writer spend
 * most of its time committing (about 30 WAL pages and an FTS5 segment flush per
 * commit, ~1.3 ms of writer CPU per small article). So the writer commits a group of
 * articles in one transaction, each article inside its own SAVEPOINT: an article that
 * fails is rolled back to its savepoint alone and reported, the others are kept.
 * Nothing is acknowledged (outcome line, progress count, `import.done`) before the
 * commit that holds it, so "a crash or cancel never leaves half an article, and every
 * acknowledged article is there" holds exactly as with one transaction per article.
 *
 * The transaction never stays open across an await: a group is gathered first and
 * written synchronously, so another request served by the same connection meanwhile
 * (a highlight made during an import) never lands inside the import's transaction.
 */
import type { ImportOutcome } from '../../../shared/model'
import { ScholiaError } from '../../../shared/errors'
import {
  decodeArticle, findByHash, findBySource, indexArticle, insertArticle, insertArticleRows, replaceArticleContent,
  type StorableArticle
} from '../articles/repo'
import type { Library } from '../library'
import { tagArticle } from '../tags/attach'
import type { WaitingDoc } from './prepare'
import { afterContentReplaced } from './reanchor-hook'
import { ImportError } from './types'

/**
 * Articles per transaction at most. Past ~100 the commit's share of the writer's time is
 * a few percent; more only delays acknowledgements and holds prepared articles in memory.
 */
export const GROUP_MAX_ARTICLES = 128
/** A group is committed at the latest this long after its first file was ready: acknowledgements lag by ~this. */
export const GROUP_MAX_MS = 100
/** A group of big articles is committed early, so a batch of books is not held in memory (bytes, see heldBytes). */
export const GROUP_MAX_BYTES = 32 * 1024 * 1024

/** One imported file waiting in a group: its prepared articles, or why it could not be prepared. */
export type GroupEntry = { name: string; docs: WaitingDoc[] } | { name: string; error: unknown }

/** An article stored in a group whose index entry is added at the end of the group. */
interface Unindexed {
  rowid: number
  article: StorableArticle
}

/**
 * Writes one prepared article: a duplicate (same content) is reported, a changed
 * version of a known source replaces the old content and re-anchors its annotations,
 * anything else is created. In its own transaction, or a savepoint inside a group's;
 * with `unindexed`, a created article's index entry is left to the caller (pushed there
 * once the savepoint is released).
 */
export function storeArticle(lib: Library, file: string, a: StorableArticle, tags: readonly string[], unindexed?: Unindexed[]): ImportOutcome {
  let created: number | null = null
  const outcome = lib.write((): ImportOutcome => {
    const dup = findByHash(lib, a.contentHash)
    let status: 'created' | 'updated' | 'duplicate'
    let target: { rowid: number; id: string }
    if (dup) {
      status = 'duplicate'
      target = dup
    } else {
      const previous = a.source ? findBySource(lib, a.source)[0] : undefined
      if (previous) {
        const changed = decodeArticle(a)
        replaceArticleContent(lib, previous.rowid, changed)
        afterContentReplaced(lib, previous.id, changed.text)
        status = 'updated'
        target = previous
      } else {
        target = unindexed ? insertArticleRows(lib, a) : insertArticle(lib, a)
        if (unindexed) created = target.rowid
        status = 'created'
      }
    }
    for (const t of tags) tagArticle(lib, target.rowid, t)
    return { file, status, id: target.id, title: a.title, author: a.author, published: a.published }
  })
  if (created !== null) unindexed!.push({ rowid: created, article: a })
  return outcome
}

/** The one-line error shown for a file: ours as written, anything else marked unexpected. */
export function oneLine(file: string, e: unknown): string {
  const msg = e instanceof ImportError || e instanceof ScholiaError ? e.message : `unexpected failure (${(e as Error)?.message ?? e})`
  return `${file}: ${msg.replace(/\s*\n\s*/g, ' ')}`
}

/** A group's articles with their index entries added last, outside every savepoint. */
class GroupWriter {
  private unindexed: Unindexed[] = []
  private sources = new Set<string>()

  constructor(
    private lib: Library,
    private tags: readonly string[],
    /** Inside a group's transaction: a failure that took the whole transaction with it is rethrown. */
    private grouped: boolean
  ) {}

  outcomesOf(entry: GroupEntry): ImportOutcome[] {
    if ('error' in entry) return [{ file: entry.name, error: oneLine(entry.name, entry.error) }]
    return entry.docs.map((d) => {
      const a = d.article
      // A new version of an article stored earlier in this group replaces its index entry: add that entry first.
      if (a.source !== null && this.sources.has(a.source)) this.indexPending()
      const before = this.unindexed.length
      try {
        const outcome = storeArticle(this.lib, entry.name, a, [...this.tags, ...d.tags], this.grouped ? this.unindexed : undefined)
        if (a.source !== null && this.unindexed.length > before) this.sources.add(a.source)
        return outcome
      } catch (e) {
        // Disk full or an I/O error can make SQLite roll back the whole transaction, not
        // just the savepoint: then the group is redone article by article.
        if (this.grouped && !this.lib.db.inTransaction) throw e
        return { file: entry.name, error: oneLine(entry.name, e) }
      }
    })
  }

  /** Index entries of the articles created so far; call before the group's commit. */
  indexPending(): void {
    for (const u of this.unindexed) indexArticle(this.lib, u.rowid, u.article)
    this.unindexed = []
    this.sources.clear()
  }
}

/**
 * Stores a group of files in one transaction and returns their outcomes in order.
 * Each article is written in a savepoint, but its full-text entry only at the end of
 * the group, after the last savepoint: FTS5 writes its pending terms out as a new
 * segment at every SAVEPOINT and RELEASE, which would cost a segment per article again.
 * If the group cannot commit as a whole (disk full, I/O error, lock timeout), each
 * article is retried in its own transaction, so as many are kept as fit.
 */
export function commitGroup(lib: Library, group: readonly GroupEntry[], tags: readonly string[]): ImportOutcome[] {
  const alone = (): ImportOutcome[] => {
    const w = new GroupWriter(lib, tags, false)
    return group.flatMap((entry) => w.outcomesOf(entry))
  }
  if (group.length === 1) return alone()
  try {
    return lib.write(() => {
      const w = new GroupWriter(lib, tags, true)
      const outcomes = group.flatMap((entry) => w.outcomesOf(entry))
      w.indexPending()
      return outcomes
    })
  } catch {
    return alone()
  }
}
