import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'

/** Sets an article's own note (Markdown, stored as written; the UI renders it safely). */
export function setArticleNote(lib: Library, id: string, note: string): void {
  lib.write(() => {
    const info = lib.db.prepare('UPDATE articles SET note = ? WHERE id = ? AND deleted_at IS NULL').run(note, id)
    if (info.changes === 0) throw new ScholiaError('not_found', `no article with id ${id} — it may have been deleted; list articles with 'scholia list'`)
  })
}
