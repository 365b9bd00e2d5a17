import type { ListPage } from '../../../shared/api/articles'
import type { SORTS } from '../../../shared/api/articles'
import { LibraryFilter, type LibraryFilterValue } from '../../../shared/api/library'
import { DEAD_ARTICLES, liveArticle } from '../library/dead'
import { countTagged } from '../tags/count'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { filterWhere } from '../library/filter'
import { planTagDrive } from '../library/tag-conditions'
import { Where } from '../library/where'
import { SUMMARY_COLUMNS, toSummary, type SummaryRow } from './rows'
import { tagsByArticle } from './tags-of'

type Sort = (typeof SORTS)[number]

/** Sort key expressions; each has a matching (expr, rowid) index in the schema. */
const SORT_KEY: Record<Sort, string> = {
  added: 'a.imported_at',
  published: "ifnull(a.published, '')",
  title: 'a.title COLLATE NOCASE',
  lastRead: "ifnull(a.last_read_at, '')"
}
const SORT_FIELD: Record<Sort, (r: SummaryRow) => string> = {
  added: (r) => r.imported_at,
  published: (r) => r.published ?? '',
  title: (r) => r.title,
  lastRead: (r) => r.last_read_at ?? ''
}

export interface ListQuery {
  sort: Sort
  desc: boolean
  cursor: string | null
  limit: number
  /** Which articles; omitted means all live ones. */
  filter?: LibraryFilterValue
  /** Count matches on the first page (default true). */
  count?: boolean
}

function decodeCursor(cursor: string): [string, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(v) && typeof v[0] === 'string' && Number.isInteger(v[1])) return [v[0], v[1]]
  } catch {
    /* fall through to the error below */
  }
  throw new ScholiaError('invalid_argument', 'invalid cursor — start again from the first page')
}

/**
 * One page of the library by keyset pagination: the cursor is the last row's sort
 * key and rowid, so page N costs the same as page 1 (no OFFSET scan). The total
 * is counted on the first page only.
 */
export function listArticles(lib: Library, q: ListQuery): ListPage {
  const key = SORT_KEY[q.sort]
  const dir = q.desc ? 'DESC' : 'ASC'
  const cmp = q.desc ? '<' : '>'
  const drive = q.filter ? planTagDrive(lib, q.filter) : undefined
  const filter = q.filter ? filterWhere(q.filter, drive, lib) : new Where().add(liveArticle(lib))
  const page = (extra: Where, order: string, limit: number) => {
    const where = new Where().add(filter.sql, ...filter.params).add(extra.sql, ...extra.params)
    return lib.db
      .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${where.sql} ORDER BY ${order} LIMIT ?`)
      .all(...where.params, limit) as SummaryRow[]
  }
  const order = `${key} ${dir}, a.rowid ${dir}`
  let rows: SummaryRow[]
  if (q.cursor) {
    // Two seeks instead of one (key, rowid) row-value range: SQLite seeks only on plain columns with a row
    // value, and walked the expression indexes (published, title, last read) from their start on every page.
    // The rest of the cursor's key first (key = k, rowid past it: ordered by rowid alone, or SQLite sorts
    // the whole tie, e.g. 70,000 never-read articles), then the keys past it.
    const [k, rowid] = decodeCursor(q.cursor)
    rows = page(new Where().add(`${key} = ?`, k).add(`a.rowid ${cmp} ?`, rowid), `a.rowid ${dir}`, q.limit + 1)
    if (rows.length <= q.limit) rows = rows.concat(page(new Where().add(`${key} ${cmp} ?`, k), order, q.limit + 1 - rows.length))
  } else rows = page(new Where(), order, q.limit + 1)
  const more = rows.length > q.limit
  const items = more ? rows.slice(0, q.limit) : rows
  const tags = tagsByArticle(lib, items.map((r) => r.rowid))
  const last = items[items.length - 1]
  return {
    items: items.map((r) => toSummary(r, tags.get(r.rowid) ?? [])),
    nextCursor: more && last ? Buffer.from(JSON.stringify([SORT_FIELD[q.sort](last), last.rowid])).toString('base64url') : null,
    total: q.cursor || q.count === false ? null : countMatching(lib, q.filter ?? LibraryFilter.parse({}))
  }
}

/**
 * How many live articles a filter matches. No filter, or one tag alone (a click
 * in the tag pane), is counted on indexes without reading the articles; any
 * other filter is counted driven by its lookups, whatever a page query would use.
 */
export function countMatching(lib: Library, f: LibraryFilterValue): number {
  if (isSingleTag(f)) return countTagged(lib, f.tagsAll[0])
  // Everything: all rows (counted on the smallest index) minus the trash (its partial index).
  if (JSON.stringify(f) === JSON.stringify(LibraryFilter.parse({ dateField: f.dateField })))
    return lib.db.prepare(`SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM (${DEAD_ARTICLES}))`).pluck().get() as number
  const w = filterWhere(f)
  return (lib.db.prepare(`SELECT count(*) AS n FROM articles a WHERE ${w.sql}`).get(...w.params) as { n: number }).n
}

function isSingleTag(f: LibraryFilterValue): boolean {
  const blank = LibraryFilter.parse({ tagsAll: f.tagsAll, dateField: f.dateField })
  return f.tagsAll.length === 1 && JSON.stringify(f) === JSON.stringify(blank)
}
