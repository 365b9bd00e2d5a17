import type { SavedSearch } from '../../../shared/api/search'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { parseQuery } from './parse'

interface Row {
  id: number
  name: string
  query: string
  created_at: string
}

const toSaved = (r: Row): SavedSearch => ({ id: r.id, name: r.name, query: r.query, createdAt: r.created_at })

function get(lib: Library, id: number): Row {
  const r = lib.db.prepare('SELECT id, name, query, created_at FROM saved_searches WHERE id = ?').get(id) as Row | undefined
  if (!r) throw new ScholiaError('not_found', `no saved search ${id} — it may have been deleted`)
  return r
}

function checkName(lib: Library, name: string, except = -1): void {
  const rows = lib.db.prepare('SELECT id, name FROM saved_searches WHERE id != ?').all(except) as { id: number; name: string }[]
  const clash = rows.find((r) => r.name.toLowerCase() === name.toLowerCase())
  if (clash) throw new ScholiaError('conflict', `a saved search named "${clash.name}" exists — choose another name`)
}

/** Saved searches (the sidebar's smart collections), by name. */
export function listSaved(lib: Library): SavedSearch[] {
  const rows = lib.db.prepare('SELECT id, name, query, created_at FROM saved_searches').all() as Row[]
  return rows.map(toSaved).sort((a, b) => a.name.localeCompare(b.name))
}

/** Saves a query under a name; a query that would not run is refused now, not when clicked. */
export function createSaved(lib: Library, name: string, query: string, now = new Date().toISOString()): SavedSearch {
  parseQuery(query)
  return lib.write(() => {
    checkName(lib, name)
    const id = Number(lib.db.prepare('INSERT INTO saved_searches(name, query, created_at) VALUES (?, ?, ?)').run(name, query, now).lastInsertRowid)
    return toSaved(get(lib, id))
  })
}

export function updateSaved(lib: Library, id: number, changes: { name?: string; query?: string }): SavedSearch {
  if (changes.query !== undefined) parseQuery(changes.query)
  return lib.write(() => {
    const r = get(lib, id)
    if (changes.name !== undefined) checkName(lib, changes.name, id)
    lib.db.prepare('UPDATE saved_searches SET name = ?, query = ? WHERE id = ?').run(changes.name ?? r.name, changes.query ?? r.query, id)
    return toSaved(get(lib, id))
  })
}

/** Deletes a saved search and returns it (the UI's undo saves it again). */
export function deleteSaved(lib: Library, id: number): SavedSearch {
  return lib.write(() => {
    const r = get(lib, id)
    lib.db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id)
    return toSaved(r)
  })
}
