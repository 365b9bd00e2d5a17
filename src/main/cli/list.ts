import { LibraryFilter } from '../../shared/api/library'
import { SORTS } from '../../shared/api/articles'
import type { GlobalOptions } from './context'
import { emit, fail, openLibrary } from './context'
import { listArticles } from '../core/articles/list'

export interface ListOptions extends GlobalOptions {
  query?: string
  tag?: string[]
  sort?: string
}

/** Rows per query while streaming; the list itself has no limit. */
const PAGE = 500

/**
 * `scholia list`: the articles matching --query and every --tag (children
 * included), newest first unless --sort says otherwise, streamed page by page.
 */
export function listCommand(opts: ListOptions): number {
  const sort = opts.sort ?? 'added'
  if (!(SORTS as readonly string[]).includes(sort)) fail(`--sort ${sort} is not a sort — use one of ${SORTS.join(', ')}`)
  const filter = LibraryFilter.parse({ query: opts.query ?? '', tagsAll: opts.tag ?? [] })
  const lib = openLibrary(opts)
  try {
    let cursor: string | null = null
    do {
      const page = listArticles(lib, { sort: sort as (typeof SORTS)[number], desc: sort !== 'title', cursor, limit: PAGE, filter })
      for (const a of page.items) {
        const record = {
          id: a.id,
          title: a.title,
          author: a.author,
          published: a.published,
          source: a.source,
          tags: a.tags,
          annotations: a.annotationCount
        }
        emit(opts, record, `${a.id}  ${a.published ?? '          '}  ${a.title}${a.author ? ` — ${a.author}` : ''}`)
      }
      cursor = page.nextCursor
    } while (cursor)
    return 0
  } finally {
    lib.close()
  }
}
