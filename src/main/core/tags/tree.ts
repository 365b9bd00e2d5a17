import type { TagNode } from '../../../shared/api/tags'
import type { Library } from '../library'
import { libraryVersion } from '../library/version'
import { foldTag } from './fold'
import { nodeCounts } from './nodes'

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
 * it shows), read from the per-node counters (tags/nodes.ts), each article or
 * annotation once per node however many of its tags sit under it.
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

function computeTree(lib: Library): TagNode[] {
  const tags = lib.db.prepare('SELECT id, path, fold FROM tags').all() as { id: number; path: string; fold: string }[]
  const counts = nodeCounts(lib)
  const out: TagNode[] = []
  const visit = (node: Node, depth: number) => {
    out.push({
      path: node.path,
      name: node.path.split('/').pop() ?? node.path,
      depth,
      exists: node.exists,
      articles: counts.get(node.fold)?.articles ?? 0,
      annotations: counts.get(node.fold)?.annotations ?? 0
    })
    for (const child of sortByName(node.children)) visit(child, depth + 1)
  }
  for (const root of sortByName(new Map(buildTree(tags).map((n) => [n.fold, n])))) visit(root, 0)
  return out
}

function sortByName(nodes: Map<string, Node>): Node[] {
  return [...nodes.values()].sort((a, b) => a.fold.localeCompare(b.fold))
}
