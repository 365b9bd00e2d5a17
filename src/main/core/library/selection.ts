import { LibraryFilter, type SelectionValue } from '../../../shared/api/library'
import type { Library } from '../library'
import { filterWhere } from './filter'
import { Where } from './where'

/**
 * The articles a bulk operation applies to, as conditions on live articles `a`.
 * "All matching" is sent as the filter itself, never as a list of 50,000 ids, so
 * it selects exactly what the list shows, however much is loaded.
 */
export function selectionWhere(sel: SelectionValue): Where {
  if (sel.ids) return new Where().add('a.deleted_at IS NULL').add('a.id IN (SELECT value FROM json_each(?))', JSON.stringify(sel.ids))
  const w = filterWhere(sel.filter ?? LibraryFilter.parse({}))
  if (sel.except?.length) w.add('a.id NOT IN (SELECT value FROM json_each(?))', JSON.stringify(sel.except))
  return w
}

/**
 * Rowids of the selection, materialised once into a temp table so that each
 * statement of a bulk operation joins on it instead of re-running a filter
 * (which may include a full-text query). Call inside the operation's transaction.
 */
export function materialise(lib: Library, sel: SelectionValue): number {
  const w = selectionWhere(sel)
  lib.db.exec('CREATE TEMP TABLE IF NOT EXISTS bulk_selection(rowid INTEGER PRIMARY KEY)')
  lib.db.exec('DELETE FROM temp.bulk_selection')
  return lib.db.prepare(`INSERT INTO temp.bulk_selection(rowid) SELECT a.rowid FROM articles a WHERE ${w.sql}`).run(...w.params).changes
}

/** SQL naming the materialised selection's rowids. */
export const SELECTED = 'SELECT rowid FROM temp.bulk_selection'
