import type { Database, Statement } from 'better-sqlite3'
import type { Library } from '../library'

// Compiling a statement costs more than running a small one; re-anchoring a
// book runs the same few statements thousands of times in one transaction.
const compiled = new WeakMap<Database, Map<string, Statement>>()

/** The prepared statement for `source` on this library's connection, compiled once. */
export function sql(lib: Library, source: string): Statement {
  let byText = compiled.get(lib.db)
  if (!byText) compiled.set(lib.db, (byText = new Map()))
  let s = byText.get(source)
  if (!s) byText.set(source, (s = lib.db.prepare(source)))
  return s
}
