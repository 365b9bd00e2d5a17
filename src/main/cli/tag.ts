import { Selection } from '../../shared/api/library'
import { ScholiaError } from '../../shared/errors'
import type { GlobalOptions } from './context'
import { emit, fail, openLibrary } from './context'
import { bulkTag } from '../core/library/bulk'
import { deleteTag } from '../core/tags/remove'
import { mergeTags, renameTag } from '../core/tags/rename'
import { tagTree } from '../core/tags/tree'

export interface TagOptions extends GlobalOptions {
  add?: string[]
  remove?: string[]
  rename?: string[]
  merge?: string[]
  delete?: string
  list?: boolean
}

function pair(flag: string, v: string[]): [string, string] {
  if (v.length !== 2) fail(`--${flag} takes two tags, e.g. --${flag} region/kz region/kazakhstan`)
  return [v[0], v[1]]
}

/**
 * `scholia tag`: tag articles (`ID… --add T… --remove T…`), or work on the tags
 * themselves (`--rename OLD NEW`, `--merge FROM INTO`, `--delete T`, `--list`).
 */
export function tagCommand(ids: string[], opts: TagOptions): number {
  const modes = [opts.rename, opts.merge, opts.delete, opts.list, opts.add ?? opts.remove].filter((m) => m !== undefined)
  if (modes.length !== 1)
    fail('say what to do: ID… --add T… / --remove T…, or --rename OLD NEW, --merge FROM INTO, --delete T, --list')
  if ((opts.add || opts.remove) && ids.length === 0) fail('give the ids of the articles to tag (see scholia list --json)')
  if (!(opts.add || opts.remove) && ids.length > 0) fail('article ids go with --add/--remove only')
  const lib = openLibrary(opts)
  try {
    if (opts.list) {
      for (const n of tagTree(lib))
        emit(opts, n, `${'  '.repeat(n.depth)}${n.name}  (${n.articles} articles, ${n.annotations} annotations)`)
    } else if (opts.rename) {
      const [from, to] = pair('rename', opts.rename)
      const renamed = renameTag(lib, from, to)
      emit(opts, { from, to, renamed }, `renamed ${from} to ${to} (${renamed} tag${renamed === 1 ? '' : 's'} with children)`)
    } else if (opts.merge) {
      const [from, into] = pair('merge', opts.merge)
      const moved = mergeTags(lib, from, into)
      emit(opts, { from, into, moved }, `merged ${from} into ${into} (${moved} links moved)`)
    } else if (opts.delete) {
      const r = deleteTag(lib, opts.delete)
      emit(opts, r, `deleted ${opts.delete}: removed from ${r.articles} articles and ${r.annotations} annotations`)
    } else {
      const sel = Selection.safeParse({ ids })
      if (!sel.success) fail(`${ids.find((id) => !/^[0-9a-f-]{36}$/i.test(id)) ?? ids[0]} is not an article id — see scholia list --json`)
      const known = new Set(lib.db.prepare('SELECT id FROM articles WHERE deleted_at IS NULL AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)))
      const unknown = ids.find((id) => !known.has(id))
      if (unknown) throw new ScholiaError('not_found', `no article with id ${unknown} — nothing was changed; see scholia list --json`)
      const r = bulkTag(lib, sel.data, opts.add ?? [], opts.remove ?? [])
      emit(opts, r, `tagged ${r.matched} article(s): ${r.changed} change(s)`)
    }
    return 0
  } finally {
    lib.close()
  }
}
