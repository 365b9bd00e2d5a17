import type { TagNode } from '../../../shared/api/tags'
import type { Library } from '../library'
import { DEAD_ARTICLES, ON_DELETED_ARTICLES, TOMBSTONED } from '../library/dead'
import { libraryVersion } from '../library/version'
import { foldTag } from './fold'

interface Node {
  path: string
  fold: string
  exists: boolean
  children: Map<string, Node>
}

/** Tags as a tree; parents named only by their children's paths are filled in. */
function buildTree(tags: { path: string; fold: string }[]): Node[] {
  const roots = new Map<string, Node>()
  const byFold = new Map<string, Node>()
  for (const t of tags) {
    const segments = t.path.split('/')
    let level = roots
    for (let d = 1; d <= segments.length; d++) {
      const path = segments.slice(0, d).join('/')
      const fold = foldTag(path)
      let node = byFold.get(fold)
      if (!node) {
        node = { path, fold, exists: false, children: new Map() }
        byFold.set(fold, node)
        level.set(fold, node)
      }
      if (d === segments.length) {
        node.exists = true
        node.path = t.path
      }
      level = node.children
    }
  }
  return [...roots.values()]
}

/**
 * The tag pane: every tag depth-first in name order, each with the number of
 * live articles and annotations filed under it or its children (what clicking
 * it shows). One grouped pass over each tag-node table counts every node, each
 * article or annotation once per node however many of its tags sit under it.
 */
export function tagTree(lib: Library): TagNode[] {
  // The pane asks again after every change, often for nothing.
  const version = libraryVersion(lib)
  const hit = cache.get(lib)
  if (hit && hit.version === version) return hit.tree
  const tree = computeTree(lib)
  cache.set(lib, { version: libraryVersion(lib), tree })
  return tree
}

const cache = new WeakMap<Library, { version: string; tree: TagNode[] }>()

const ARTICLES_PER_NODE = `SELECT node, count(*) AS n FROM article_tag_nodes WHERE article_rowid NOT IN (${DEAD_ARTICLES}) GROUP BY node`
const ANNOTATIONS_PER_NODE = `SELECT node, count(*) AS n FROM annotation_tag_nodes
  WHERE annotation_rowid NOT IN (${TOMBSTONED}) AND annotation_rowid NOT IN (${ON_DELETED_ARTICLES}) GROUP BY node`

function computeTree(lib: Library): TagNode[] {
  const tags = lib.db.prepare('SELECT id, path, fold FROM tags').all() as { id: number; path: string; fold: string }[]
  const perNode = (sql: string) => new Map((lib.db.prepare(sql).all() as { node: string; n: number }[]).map((r) => [r.node, r.n]))
  const articles = perNode(ARTICLES_PER_NODE)
  const annotations = perNode(ANNOTATIONS_PER_NODE)
  const out: TagNode[] = []
  const visit = (node: Node, depth: number) => {
    out.push({
      path: node.path,
      name: node.path.split('/').pop() ?? node.path,
      depth,
      exists: node.exists,
      articles: articles.get(node.fold) ?? 0,
      annotations: annotations.get(node.fold) ?? 0
    })
    for (const child of sortByName(node.children)) visit(child, depth + 1)
  }
  for (const root of sortByName(new Map(buildTree(tags).map((n) => [n.fold, n])))) visit(root, 0)
  return out
}

function sortByName(nodes: Map<string, Node>): Node[] {
  return [...nodes.values()].sort((a, b) => a.fold.localeCompare(b.fold))
}
