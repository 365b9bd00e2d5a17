import type { Library } from '../library'
import { foldTag } from './fold'

/**
 * The tag tree's membership tables (schema: TAG_NODES_V1): which articles and
 * annotations sit under each node, a node being a tag's fold or an ancestor's.
 * Triggers keep them; this file reads them, checks them and rebuilds them.
 */

/** Article rowids filed under a tag or its children; binds the tag's node (tagNode). */
export const ARTICLES_UNDER = 'SELECT article_rowid FROM article_tag_nodes WHERE node = ?'
/** Annotation rowids filed under a tag or its children; binds the tag's node. */
export const ANNOTATIONS_UNDER = 'SELECT annotation_rowid FROM annotation_tag_nodes WHERE node = ?'
/** Per-row check that article `a` is filed under a node; binds the node. */
export const ARTICLE_UNDER = 'EXISTS (SELECT 1 FROM article_tag_nodes atn WHERE atn.node = ? AND atn.article_rowid = a.rowid)'

/** The node a user-given tag path names: its fold, so "Region" and "region" are the same node. */
export function tagNode(path: string): string {
  return foldTag(path)
}

/** A fold and its ancestors' folds: "a/b/c" → a, a/b, a/b/c (what the insert trigger computes in SQL). */
export function nodesOf(fold: string): string[] {
  const parts = fold.split('/')
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'))
}

const EXPECTED_ARTICLE_NODES = 'SELECT n.node, x.article_rowid FROM article_tags x JOIN tag_nodes n ON n.tag_id = x.tag_id'
const EXPECTED_ANNOTATION_NODES = 'SELECT n.node, x.annotation_rowid FROM annotation_tags x JOIN tag_nodes n ON n.tag_id = x.tag_id'

/** Problems found in the tag tree's membership tables, as `scholia check` lines (empty when they agree with the tags and links). */
export function checkTagNodes(lib: Library): string[] {
  const problems: string[] = []
  const expected = new Set<string>()
  for (const t of lib.db.prepare('SELECT id, fold FROM tags').all() as { id: number; fold: string }[])
    for (const n of nodesOf(t.fold)) expected.add(`${t.id}\u0000${n}`)
  const actual = (lib.db.prepare('SELECT tag_id, node FROM tag_nodes').all() as { tag_id: number; node: string }[]).map(
    (r) => `${r.tag_id}\u0000${r.node}`
  )
  const stray = actual.filter((k) => !expected.delete(k)).length
  if (expected.size || stray) problems.push(`tag_nodes: ${expected.size} missing and ${stray} stray ancestor entr(ies)`)
  const differ = (label: string, want: string, have: string) => {
    const count = (sql: string) => lib.db.prepare(`SELECT count(*) FROM (${sql})`).pluck().get() as number
    const missing = count(`${want} EXCEPT ${have}`)
    const extra = count(`${have} EXCEPT ${want}`)
    if (missing || extra) problems.push(`${label}: ${missing} missing and ${extra} stray entr(ies): tag filters and counts are off`)
  }
  differ('article_tag_nodes', EXPECTED_ARTICLE_NODES, 'SELECT node, article_rowid FROM article_tag_nodes')
  differ('annotation_tag_nodes', EXPECTED_ANNOTATION_NODES, 'SELECT node, annotation_rowid FROM annotation_tag_nodes')
  return problems
}

/** Rebuilds the membership tables from the tags and links (repair, or a library made before they existed). Call inside a transaction. */
export function rebuildTagNodes(lib: Library): void {
  lib.db.exec('DELETE FROM tag_nodes; DELETE FROM article_tag_nodes; DELETE FROM annotation_tag_nodes')
  const add = lib.db.prepare('INSERT OR IGNORE INTO tag_nodes(tag_id, node) VALUES (?, ?)')
  for (const t of lib.db.prepare('SELECT id, fold FROM tags').all() as { id: number; fold: string }[])
    for (const n of nodesOf(t.fold)) add.run(t.id, n)
  lib.db.exec(`INSERT OR IGNORE INTO article_tag_nodes(node, article_rowid) ${EXPECTED_ARTICLE_NODES}`)
  lib.db.exec(`INSERT OR IGNORE INTO annotation_tag_nodes(node, annotation_rowid) ${EXPECTED_ANNOTATION_NODES}`)
}
