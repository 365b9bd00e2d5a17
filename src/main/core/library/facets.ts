import type { Facets } from '../../../shared/api/library'
import type { Library } from '../library'

/** How many sites the filter menu offers; the rest are reached by typing. */
export const MAX_SITE_FACETS = 50

/** Formats and the most common sites among live articles, for the filter controls. */
export function libraryFacets(lib: Library): Facets {
  const formats = lib.db
    .prepare('SELECT format, count(*) AS count FROM articles WHERE deleted_at IS NULL GROUP BY format ORDER BY count DESC')
    .all() as Facets['formats']
  const sites = lib.db
    .prepare(
      `SELECT site, count(*) AS count FROM articles WHERE deleted_at IS NULL AND site IS NOT NULL AND site != ''
       GROUP BY site ORDER BY count DESC LIMIT ?`
    )
    .all(MAX_SITE_FACETS) as Facets['sites']
  return { formats, sites }
}
