/**
 * Brings a library generated before the tag-node tables existed (schema v1 is
 * unreleased and grew them) up to the current schema, so a kept 100k library
 * need not be generated again: drops any earlier version of those tables and
 * their triggers, creates the current ones and fills them.
 */
import { TAG_NODES_V1 } from '../../src/main/core/db/schema-v1'
import type { Library } from '../../src/main/core/library'
import { rebuildTagNodes } from '../../src/main/core/tags/nodes'

const TABLES = ['tag_nodes', 'article_tag_nodes', 'annotation_tag_nodes', 'tag_node_counts']

/** Seconds spent, or null when the library already had the current tables. */
export function addTagNodes(lib: Library): number | null {
  const has = (name: string) => lib.db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(name) !== undefined
  if (TABLES.every(has)) return null
  const t = performance.now()
  lib.write(() => {
    const triggers = lib.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE '%nodes%' OR sql LIKE '%tag_node%')").pluck().all() as string[]
    for (const name of triggers) lib.db.exec(`DROP TRIGGER "${name}"`)
    for (const name of TABLES) lib.db.exec(`DROP TABLE IF EXISTS ${name}`)
    lib.db.exec(TAG_NODES_V1)
    rebuildTagNodes(lib)
  })
  return (performance.now() - t) / 1000
}
