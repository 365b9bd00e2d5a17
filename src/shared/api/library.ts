import { z } from 'zod'
import { Id, method, NoArgs } from './define'

/** How many tags one filter or one bulk operation may name. */
export const MAX_FILTER_TAGS = 50
/** The most ids a selection may list; beyond that, select by filter. */
export const MAX_SELECTION_IDS = 100_000
/** Longest search query accepted (also the query part of a library filter). */
export const MAX_QUERY_CHARS = 2_000

const TagRef = z.string().min(1, 'tag is empty').max(1_000)
const Tags = z.array(TagRef).max(MAX_FILTER_TAGS)
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2024-03-31')
  .nullable()
  .default(null)

/**
 * What the library shows: every condition must hold. Tag conditions include the
 * tag's children (filtering by `region` also shows `region/kazakhstan`).
 */
export const LibraryFilter = z
  .object({
    /** Articles carrying every one of these tags. */
    tagsAll: Tags.default([]),
    /** Articles carrying at least one of these tags. */
    tagsAny: Tags.default([]),
    /** Articles carrying none of these tags. */
    tagsNone: Tags.default([]),
    read: z.enum(['read', 'unread']).nullable().default(null),
    /** true: only archived; false: hide archived; null: both. */
    archived: z.boolean().nullable().default(null),
    /** true: only articles with highlights or notes; false: only without. */
    annotated: z.boolean().nullable().default(null),
    /** Which date `from`/`to` apply to. */
    dateField: z.enum(['published', 'added']).default('published'),
    /** First day included. */
    from: Day,
    /** Last day included. */
    to: Day,
    /** Part of the site name or source address, e.g. "bbc.co.uk". */
    site: z.string().trim().max(500).nullable().default(null),
    formats: z.array(z.string().min(1).max(50)).max(20).default([]),
    /** A search query (same syntax as search.query) the articles must match. */
    query: z.string().max(MAX_QUERY_CHARS).default('')
  })
  .strict()

export type LibraryFilterInput = z.input<typeof LibraryFilter>
export type LibraryFilterValue = z.output<typeof LibraryFilter>

/**
 * Which articles a bulk operation applies to: listed `ids`, or all that match
 * `filter` (minus the `except` ids the user deselected). One object rather than a
 * union, so a bad id or filter field is reported by name.
 */
export const Selection = z
  .object({
    ids: z.array(Id).min(1, 'select at least one article').max(MAX_SELECTION_IDS).optional(),
    filter: LibraryFilter.optional(),
    /** Articles the user deselected after "select all". */
    except: z.array(Id).max(MAX_SELECTION_IDS).default([])
  })
  .strict()
  .refine((s) => (s.ids === undefined) !== (s.filter === undefined), 'give either ids (the articles picked) or filter (all that match), not both')

export type SelectionInput = z.input<typeof Selection>
/** A validated selection; `except` may be left out by core callers (an export of one article). */
export type SelectionValue = Omit<z.output<typeof Selection>, 'except'> & { except?: string[] }

export interface BulkResult {
  /** Articles in the selection. */
  matched: number
  /** Rows actually changed (e.g. tag links added). */
  changed: number
}

export interface DeleteResult {
  deleted: number
  /** Pass to library.restore to undo. */
  undoToken: string
}

export interface Facets {
  formats: { format: string; count: number }[]
  /** The most common sites, largest first. */
  sites: { site: string; count: number }[]
}

export interface MetadataInfo {
  title: string
  author: string | null
  published: string | null
  source: string | null
  format: string
  encoding: string | null
  contentHash: string
  importedAt: string
  updatedAt: string
  /** The values as imported, when the user has edited them since; null if never edited. */
  original: { title: string; author: string | null; published: string | null; source: string | null; editedAt: string } | null
}

const Title = z.string().trim().min(1, 'title cannot be empty').max(500)
const Nullable = (max: number) => z.string().trim().max(max).nullable().optional()
/** A full or partial ISO date: 2024, 2024-03, 2024-03-31 or a timestamp. */
const Published = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/, 'must be a date like 2024-03-31 (or 2024-03, or 2024)')
  .nullable()
  .optional()

export const libraryMethods = {
  /** Adds and/or removes tags on every selected article, in one transaction. */
  'library.tag': method<BulkResult>()(
    z
      .object({ selection: Selection, add: Tags.default([]), remove: Tags.default([]) })
      .strict()
      .refine((v) => v.add.length + v.remove.length > 0, 'give a tag to add or remove')
  ),
  'library.archive': method<BulkResult>()(z.object({ selection: Selection, archived: z.boolean().default(true) }).strict()),
  'library.markRead': method<BulkResult>()(z.object({ selection: Selection, read: z.boolean().default(true) }).strict()),
  /** Moves articles to the trash (soft delete); library.restore undoes it. */
  'library.delete': method<DeleteResult>()(z.object({ selection: Selection }).strict()),
  'library.restore': method<BulkResult>()(z.object({ undoToken: z.string().min(1).max(200) }).strict()),
  /**
   * Sets title, author, published date or source of one or many articles; omitted
   * fields stay, null clears. The imported values are kept as provenance.
   */
  'library.editMeta': method<BulkResult>()(
    z
      .object({
        selection: Selection,
        title: Title.optional(),
        author: Nullable(500),
        published: Published,
        source: Nullable(4_096)
      })
      .strict()
  ),
  /** Provenance of one article: where it came from and what was edited. */
  'library.metadata': method<MetadataInfo>()(z.object({ id: Id }).strict()),
  /** How many live articles match a filter (what "select all matching" selects). */
  'library.count': method<number>()(z.object({ filter: LibraryFilter.prefault({}) }).strict()),
  /** Formats and sites present, for the filter controls. */
  'library.facets': method<Facets>()(NoArgs)
}
