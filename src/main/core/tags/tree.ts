import type { TagNode } from '../../../shared/api/tags'
import type { Library } from '../library'
import { DEAD_ARTICLES, ON_DELETED_ARTICLES, TOMBSTONED } from '../library/dead'
import { libraryVersion } from '../library/version'
import { SUBTREE_SQL, foldTag, subtreeRange } from './fold'

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

/** Counts over one tag subtree, each article or annotation once however many of the subtree's tags it carries. */
const SUBTREE_ARTICLES = `SELECT count(DISTINCT at.article_rowid) FROM tags t JOIN article_tags at ON at.tag_id = t.id
  WHERE ${SUBTREE_SQL} AND at.article_rowid NOT IN (${DEAD_ARTICLES})`
const SUBTREE_ANNOTATIONS = `SELECT count(DISTINCT nt.annotation_rowid) FROM tags t JOIN annotation_tags nt ON nt.tag_id = t.id
  WHERE ${SUBTREE_SQL} AND nt.annotation_rowid NOT IN (${TOMBSTONED}) AND nt.annotation_rowid NOT IN (${ON_DELETED_ARTICLES})`

/**
 * The tag pane: every tag depth-first in name order, each with the number of
 * live articles and annotations filed under it or its children (what clicking
 * it shows). Leaves are counted in two grouped scans of the link indexes; only
 * tags with children need a query of their own, to count each article once.
 */
export function tagTree(lib: Library): TagNode[] {
  // Counting takes a while on a large library; the pane asks again after every change, often for nothing.
  const version = libraryVersion(lib)
  const hit = cache.get(lib)
  if (hit && hit.version === version) return hit.tree
  const tree = computeTree(lib)
  cache.set(lib, { version: libraryVersion(lib), tree })
  return tree
}

const cache = new WeakMap<Library, { version: string; tree: TagNode[] }>()

function computeTree(lib: Library): TagNode[] {
  const tags = lib.db.prepare('SELECT id, path, fold FROM tags').all() as { id: number; path: string; fold: string }[]
  const direct = (sql: string) => new Map((lib.db.prepare(sql).all() as { fold: string; n: number }[]).map((r) => [r.fold, r.n]))
  const articles = direct(
    `SELECT t.fold, c.n FROM (SELECT tag_id, count(*) AS n FROM article_tags WHERE article_rowid NOT IN (${DEAD_ARTICLES}) GROUP BY tag_id) c
     JOIN tags t ON t.id = c.tag_id`
  )
  const annotations = direct(
    `SELECT t.fold, c.n FROM (SELECT tag_id, count(*) AS n FROM annotation_tags WHERE annotation_rowid NOT IN (${TOMBSTONED}) AND annotation_rowid NOT IN (${ON_DELETED_ARTICLES}) GROUP BY tag_id) c
     JOIN tags t ON t.id = c.tag_id`
  )
  const subArticles = lib.db.prepare(SUBTREE_ARTICLES).pluck()
  const subAnnotations = lib.db.prepare(SUBTREE_ANNOTATIONS).pluck()
  const out: TagNode[] = []
  const visit = (node: Node, depth: number) => {
    const parent = node.children.size > 0
    const { lo, hi } = subtreeRange(node.fold)
    out.push({
      path: node.path,
      name: node.path.split('/').pop() ?? node.path,
      depth,
      exists: node.exists,
      articles: parent ? (subArticles.get(node.fold, lo, hi) as number) : (articles.get(node.fold) ?? 0),
      annotations: parent ? (subAnnotations.get(node.fold, lo, hi) as number) : (annotations.get(node.fold) ?? 0)
    })
    for (const child of sortByName(node.children)) visit(child, depth + 1)
  }
  for (const root of sortByName(new Map(buildTree(tags).map((n) => [n.fold, n])))) visit(root, 0)
  return out
}

function sortByName(nodes: Map<string, Node>): Node[] {
  return [...nodes.values()].sort((a, b) => a.fold.localeCompare(b.fold))
}
