import type { Library } from '../library'
import { reanchorArticle } from '../annotations/reanchor'

/**
 * Called inside the write transaction after an article's text changed (a
 * re-import of an edited version): its annotations are placed on the new
 * text, and those that cannot be placed are kept as orphans.
 */
export function afterContentReplaced(lib: Library, articleId: string, newText: string): void {
  reanchorArticle(lib, articleId, newText)
}
