import type { Library } from '../library'
import { DEAD_ARTICLES, ON_DELETED_ARTICLES, TOMBSTONED } from '../library/dead'
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

/** Live articles and annotations under one node (a tag and its children), each once. */
export interface NodeCount {
  articles: number
  annotations: number
}

// The counters include the trash and tombstones; these take those few back out, through the links' primary keys.
const DEAD_ARTICLES_PER_NODE = `SELECT n.node, count(DISTINCT x.article_rowid) AS n FROM article_tags x JOIN tag_nodes n ON n.tag_id = x.tag_id
  WHERE x.article_rowid IN (${DEAD_ARTICLES}) GROUP BY n.node`
const DEAD_ANNOTATIONS_PER_NODE = `SELECT n.node, count(DISTINCT x.annotation_rowid) AS n FROM annotation_tags x JOIN tag_nodes n ON n.tag_id = x.tag_id
  WHERE x.annotation_rowid IN (${TOMBSTONED} UNION ALL ${ON_DELETED_ARTICLES}) GROUP BY n.node`

/** Every node's live counts, from the counters kept by the triggers: what the tag pane shows. */
export function nodeCounts(lib: Library): Map<string, NodeCount> {
  const out = new Map<string, NodeCount>()
  for (const r of lib.db.prepare('SELECT node, articles, annotations FROM tag_node_counts').all() as ({ node: string } & NodeCount)[])
    out.set(r.node, { articles: r.articles, annotations: r.annotations })
  const subtract = (sql: string, field: keyof NodeCount) => {
    for (const r of lib.db.prepare(sql).all() as { node: string; n: number }[]) {
      const c = out.get(r.node)
      if (c) c[field] -= r.n
    }
  }
  subtract(DEAD_ARTICLES_PER_NODE, 'articles')
  subtract(DEAD_ANNOTATIONS_PER_NODE, 'annotations')
  return out
}

/** Live articles under one node: its counter less the trashed articles under it. */
export function nodeArticleCount(lib: Library, node: string): number {
  return lib.db
    .prepare(
      `SELECT ifnull((SELECT articles FROM tag_node_counts WHERE node = @node), 0)
         - (SELECT count(*) FROM article_tag_nodes WHERE node = @node AND article_rowid IN (${DEAD_ARTICLES}))`
    )
    .pluck()
    .get({ node }) as number
}

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
  const counters = lib.db
    .prepare(
      `SELECT count(*) FROM (
         SELECT node, articles, annotations FROM tag_node_counts WHERE articles != 0 OR annotations != 0
         EXCEPT
         SELECT node, sum(a), sum(n) FROM (
           SELECT node, count(*) AS a, 0 AS n FROM article_tag_nodes GROUP BY node
           UNION ALL SELECT node, 0, count(*) FROM annotation_tag_nodes GROUP BY node)
         GROUP BY node)`
    )
    .pluck()
    .get() as number
  const uncounted = lib.db
    .prepare(
      `SELECT count(*) FROM (SELECT node FROM article_tag_nodes UNION SELECT node FROM annotation_tag_nodes)
       WHERE node NOT IN (SELECT node FROM tag_node_counts)`
    )
    .pluck()
    .get() as number
  if (counters || uncounted) problems.push(`tag_node_counts: ${counters + uncounted} node(s) with a wrong count: the tag pane's counts are off`)
  return problems
}

/** Rebuilds the membership tables from the tags and links (repair, or a library made before they existed). Call inside a transaction. */
export function rebuildTagNodes(lib: Library): void {
  // The counters follow the rows through their triggers; cleared last, so the inserts count from zero.
  lib.db.exec('DELETE FROM tag_nodes; DELETE FROM article_tag_nodes; DELETE FROM annotation_tag_nodes; DELETE FROM tag_node_counts')
  const add = lib.db.prepare('INSERT OR IGNORE INTO tag_nodes(tag_id, node) VALUES (?, ?)')
  for (const t of lib.db.prepare('SELECT id, fold FROM tags').all() as { id: number; fold: string }[])
    for (const n of nodesOf(t.fold)) add.run(t.id, n)
  lib.db.exec(`INSERT OR IGNORE INTO article_tag_nodes(node, article_rowid) ${EXPECTED_ARTICLE_NODES}`)
  lib.db.exec(`INSERT OR IGNORE INTO annotation_tag_nodes(node, annotation_rowid) ${EXPECTED_ANNOTATION_NODES}`)
}
