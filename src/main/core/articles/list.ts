import type { ListPage } from '../../../shared/api/articles'
import type { SORTS } from '../../../shared/api/articles'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
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
 * key and rowid, so page N costs the same as page 1 (no OFFSET scan).
 */
export function listArticles(lib: Library, q: ListQuery): ListPage {
  const key = SORT_KEY[q.sort]
  const dir = q.desc ? 'DESC' : 'ASC'
  const cmp = q.desc ? '<' : '>'
  const params: unknown[] = []
  let where = 'a.deleted_at IS NULL'
  if (q.cursor) {
    const [k, rowid] = decodeCursor(q.cursor)
    where += ` AND (${key}, a.rowid) ${cmp} (?, ?)`
    params.push(k, rowid)
  }
  const rows = lib.db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE ${where} ORDER BY ${key} ${dir}, a.rowid ${dir} LIMIT ?`)
    .all(...params, q.limit + 1) as SummaryRow[]
  const more = rows.length > q.limit
  const page = more ? rows.slice(0, q.limit) : rows
  const tags = tagsByArticle(lib, page.map((r) => r.rowid))
  const last = page[page.length - 1]
  return {
    items: page.map((r) => toSummary(r, tags.get(r.rowid) ?? [])),
    nextCursor: more && last ? Buffer.from(JSON.stringify([SORT_FIELD[q.sort](last), last.rowid])).toString('base64url') : null,
    total: (lib.db.prepare('SELECT count(*) AS n FROM articles a WHERE a.deleted_at IS NULL').get() as { n: number }).n
  }
}
