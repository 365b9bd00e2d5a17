import type { Library } from '../library'
import { validateTagPath } from './path'
import { nodeArticleCount, tagNode } from './nodes'

/** Live articles carrying a tag or one of its children, each once: the tag's counter, less its articles in the trash. */
export function countTagged(lib: Library, path: string): number {
  return nodeArticleCount(lib, tagNode(validateTagPath(path)))
}
