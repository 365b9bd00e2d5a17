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

/** True when every table and trigger of TAG_NODES_V1 is there as written now. */
function current(lib: Library): boolean {
  const stored = new Map(
    (lib.db.prepare('SELECT name, sql FROM sqlite_schema').all() as { name: string; sql: string | null }[]).map((r) => [r.name, r.sql])
  )
  const triggers = [...TAG_NODES_V1.matchAll(/CREATE TRIGGER (\w+)[\s\S]*?\nEND/g)].map((m) => ({ name: m[1], sql: m[0] }))
  return TABLES.every((t) => stored.has(t)) && triggers.every((t) => stored.get(t.name) === t.sql)
}

/** Seconds spent, or null when the library already had the current tables. */
export function addTagNodes(lib: Library): number | null {
  if (current(lib)) return null
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
