import type { GlobalOptions } from './context'
import { emit, openLibrary } from './context'
import { listArticles } from '../core/articles/list'

/** `scholia list`: every article, newest first, streamed page by page. */
export function listCommand(opts: GlobalOptions): number {
  const lib = openLibrary(opts)
  try {
    let cursor: string | null = null
    do {
      const page = listArticles(lib, { sort: 'added', desc: true, cursor, limit: 500 })
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
