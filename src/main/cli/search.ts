import { MAX_SEARCH_HITS } from '../../shared/api/search'
import type { GlobalOptions } from './context'
import { emit, fail, openLibrary } from './context'
import { search } from '../core/search/run'
import { snippetText } from '../core/search/snippet'

export interface SearchOptions extends GlobalOptions {
  limit?: string
}

const DEFAULT_LIMIT = 20

/**
 * `scholia search Q`: ranked hits, one per line. With --json each line has the
 * article `id`, `title`, `snippet` (matched terms in [brackets]) and, for a
 * highlight or note, its `annotation` id.
 */
export function searchCommand(query: string, opts: SearchOptions): number {
  const limit = opts.limit === undefined ? DEFAULT_LIMIT : Number(opts.limit)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_SEARCH_HITS) fail(`--limit ${opts.limit} — give a whole number from 1 to ${MAX_SEARCH_HITS}`)
  const lib = openLibrary(opts)
  try {
    const { hits } = search(lib, query, limit)
    for (const h of hits) {
      const quote = snippetText(h.snippet)
      const note = snippetText(h.note)
      const snippet = h.kind === 'annotation' && !h.snippet.some((s) => s.mark) && note ? note : quote
      const record = {
        id: h.articleId,
        title: h.title,
        snippet,
        ...(h.annotationId ? { annotation: h.annotationId, color: h.color, note: h.note.length ? note : undefined } : {}),
        kind: h.kind,
        score: Number(h.score.toFixed(4))
      }
      const where = h.kind === 'annotation' ? `✎ ${h.color} highlight in ${h.title}` : h.title
      emit(opts, record, `${h.articleId}  ${where}\n    ${snippet}`)
    }
    if (!opts.json && hits.length === 0) process.stderr.write(`no matches for ${query}\n`)
    return 0
  } finally {
    lib.close()
  }
}
