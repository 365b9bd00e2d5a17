import { z } from 'zod'
import { method, NoArgs } from './define'

const Path = z.string().min(1, 'tag is empty').max(1_000)

/** One row of the tag pane; parents that were never created themselves appear with `exists: false`. */
export interface TagNode {
  path: string
  /** Last segment, what the pane shows. */
  name: string
  depth: number
  exists: boolean
  /** Live articles tagged with this tag or any of its children (each counted once). */
  articles: number
  /** Live highlights and notes tagged with this tag or any of its children. */
  annotations: number
}

export interface TagDeleteResult {
  /** Tags removed (the tag and its children). */
  tags: number
  articles: number
  annotations: number
  /** Pass to tags.restore to undo. */
  undoToken: string
}

export const tagMethods = {
  /** Every tag, depth-first in path order, with counts. */
  'tags.tree': method<TagNode[]>()(NoArgs),
  /** Tag paths for autocomplete: a path or any of its segments starts with `prefix`. */
  'tags.suggest': method<string[]>()(
    z.object({ prefix: z.string().max(1_000).default(''), limit: z.number().int().min(1).max(100).default(10) }).strict()
  ),
  'tags.create': method<TagNode>()(z.object({ path: Path }).strict()),
  /** Renames a tag and its children (`region` → `place` also makes `place/kazakhstan`). */
  'tags.rename': method<{ renamed: number }>()(z.object({ from: Path, to: Path }).strict()),
  /** Moves every article and annotation of `from` (and its children) onto `into`, then removes `from`. */
  'tags.merge': method<{ moved: number }>()(z.object({ from: Path, into: Path }).strict()),
  /** Removes a tag and its children from everything they were on; tags.restore undoes it. */
  'tags.delete': method<TagDeleteResult>()(z.object({ path: Path }).strict()),
  'tags.restore': method<{ tags: number }>()(z.object({ undoToken: z.string().min(1).max(100) }).strict())
}
