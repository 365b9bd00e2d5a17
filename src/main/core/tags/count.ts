import type { Library } from '../library'
import { DEAD_ARTICLES } from '../library/dead'
import { validateTagPath } from './path'
import { ARTICLES_UNDER, tagNode } from './nodes'

/** Live articles carrying a tag or one of its children, each once: one range of the tag-node index. */
export function countTagged(lib: Library, path: string): number {
  return lib.db
    .prepare(`SELECT count(*) FROM (${ARTICLES_UNDER}) WHERE article_rowid NOT IN (${DEAD_ARTICLES})`)
    .pluck()
    .get(tagNode(validateTagPath(path))) as number
}
