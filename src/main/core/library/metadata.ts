import type { BulkResult, MetadataInfo, SelectionValue } from '../../../shared/api/library'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { normalizeForIndex } from '../search-text'
import { materialise, SELECTED } from './selection'

export interface MetadataChanges {
  title?: string
  /** null clears. */
  author?: string | null
  published?: string | null
  source?: string | null
}

const FIELDS = ['title', 'author', 'published', 'source'] as const

/**
 * Edits title, author, published date or source of the selection. The first
 * edit of an article keeps its imported values in `meta_original`, so the
 * provenance shown next to the edit says what the file itself said. Title and
 * author are searchable, so their index entries are rewritten.
 */
export function editMetadata(lib: Library, sel: SelectionValue, changes: MetadataChanges, now = new Date().toISOString()): BulkResult {
  const set = FIELDS.filter((f) => changes[f] !== undefined)
  if (set.length === 0) throw new ScholiaError('invalid_argument', 'library.editMeta: nothing to change — give a title, author, published date or source')
  return lib.write(() => {
    const matched = materialise(lib, sel)
    lib.db
      .prepare(
        `UPDATE articles SET meta_original = json_object('title', title, 'author', author, 'published', published, 'source', source)
         WHERE rowid IN (${SELECTED}) AND meta_original IS NULL`
      )
      .run()
    // Which fields the user set is kept too: a re-import of a changed file leaves exactly those alone.
    const marks = set.map((f) => `, '$.edited.${f}', json('true')`).join('')
    const changed = lib.db
      .prepare(
        `UPDATE articles SET ${set.map((f) => `${f} = ?`).join(', ')}, meta_original = json_set(meta_original, '$.editedAt', ?${marks})
         WHERE rowid IN (${SELECTED})`
      )
      .run(...set.map((f) => changes[f] ?? null), now).changes
    if (changes.title !== undefined || changes.author !== undefined) reindex(lib)
    return { matched, changed }
  })
}

/** Rewrites the search entries of the selected articles from their stored title, author and text. */
function reindex(lib: Library): void {
  const rowids = lib.db.prepare(`SELECT rowid FROM temp.bulk_selection`).pluck().all() as number[]
  const row = lib.db.prepare(
    'SELECT a.title, a.author, c.text FROM articles a JOIN article_content c ON c.article_rowid = a.rowid WHERE a.rowid = ?'
  )
  const drop = lib.db.prepare('DELETE FROM articles_fts WHERE rowid = ?')
  const add = lib.db.prepare('INSERT INTO articles_fts(rowid, title, author, text) VALUES (?, ?, ?, ?)')
  for (const rowid of rowids) {
    const r = row.get(rowid) as { title: string; author: string | null; text: string } | undefined
    if (!r) continue
    drop.run(rowid)
    add.run(rowid, normalizeForIndex(r.title), normalizeForIndex(r.author ?? ''), normalizeForIndex(r.text))
  }
}

/** One article's metadata with its provenance: where it came from, and what it said before it was edited. */
export function metadataInfo(lib: Library, id: string): MetadataInfo {
  const r = lib.db
    .prepare(
      `SELECT title, author, published, source, format, encoding, content_hash, imported_at, updated_at, meta_original
       FROM articles WHERE id = ? AND deleted_at IS NULL`
    )
    .get(id) as
    | {
        title: string
        author: string | null
        published: string | null
        source: string | null
        format: string
        encoding: string | null
        content_hash: string
        imported_at: string
        updated_at: string
        meta_original: string | null
      }
    | undefined
  if (!r) throw new ScholiaError('not_found', `no article with id ${id} — it may have been deleted`)
  return {
    title: r.title,
    author: r.author,
    published: r.published,
    source: r.source,
    format: r.format,
    encoding: r.encoding,
    contentHash: r.content_hash,
    importedAt: r.imported_at,
    updatedAt: r.updated_at,
    original: r.meta_original ? originalOf(r.meta_original) : null
  }
}

/** The imported values kept in `meta_original`, without the bookkeeping of which fields were edited. */
function originalOf(json: string): MetadataInfo['original'] {
  const o = JSON.parse(json) as NonNullable<MetadataInfo['original']>
  return { title: o.title, author: o.author, published: o.published, source: o.source, editedAt: o.editedAt }
}
