import type { Library } from '../library'

/**
 * Called inside the write transaction after an article's text changed, so its
 * annotations can be re-anchored on the new text. Until annotations exist there is
 * nothing to move.
 */
export function afterContentReplaced(_lib: Library, _articleId: string, _newText: string): void {}
