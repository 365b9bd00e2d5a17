import { z } from 'zod'
import type { Article, ArticleSummary } from '../model'
import { Id, method } from './define'
import { LibraryFilter } from './library'

export const SORTS = ['added', 'published', 'title', 'lastRead'] as const

export const ListArgs = z
  .object({
    sort: z.enum(SORTS).default('added'),
    desc: z.boolean().default(true),
    /** Opaque keyset cursor returned by the previous page. */
    cursor: z.string().max(2_000).nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
    /** Which articles to show (tags, read state, dates, a search query…); none by default. */
    filter: LibraryFilter.prefault({}),
    /** Count the matches on the first page (false: the UI asks library.count separately, after showing the page). */
    count: z.boolean().default(true)
  })
  .strict()

export interface ListPage {
  items: ArticleSummary[]
  nextCursor: string | null
  /** Articles matching the filter; counted on the first page only, unless count is false (null otherwise: later pages cost one index seek). */
  total: number | null
}

export const articleMethods = {
  'articles.list': method<ListPage>()(ListArgs),
  'articles.get': method<Article>()(z.object({ id: Id }).strict()),
  'articles.setProgress': method<void>()(
    z.object({ id: Id, progress: z.number().min(0).max(1) }).strict()
  )
}
