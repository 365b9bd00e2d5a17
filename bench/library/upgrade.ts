/**
 * Brings a library generated before the tag-node tables existed (schema v1 is
 * unreleased and grew them) up to the current schema, so a kept 100k library
 * need not be generated again: creates the tables and triggers and fills them.
 */
import { TAG_NODES_V1 } from '../../src/main/core/db/schema-v1'
import type { Library } from '../../src/main/core/library'
import { rebuildTagNodes } from '../../src/main/core/tags/nodes'

/** Seconds spent, or null when the library already had the tables. */
export function addTagNodes(lib: Library): number | null {
  const has = lib.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'tag_nodes'").get()
  if (has) return null
  const t = performance.now()
  lib.write(() => {
    lib.db.exec(TAG_NODES_V1)
    rebuildTagNodes(lib)
  })
  return (performance.now() - t) / 1000
}
