import type { Library } from '../library'
import { DEAD_ARTICLES } from '../library/dead'
import { SUBTREE_SQL, subtreeParams } from './fold'
import { validateTagPath } from './path'


/** Live articles carrying a tag or one of its children, each once: read from the link index alone. */
export function countTagged(lib: Library, path: string): number {
  return lib.db
    .prepare(
      `SELECT count(DISTINCT at.article_rowid) FROM tags t JOIN article_tags at ON at.tag_id = t.id
       WHERE ${SUBTREE_SQL} AND at.article_rowid NOT IN (${DEAD_ARTICLES})`
    )
    .pluck()
    .get(...subtreeParams(validateTagPath(path))) as number
}
