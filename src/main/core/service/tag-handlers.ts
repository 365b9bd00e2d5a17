import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { ScholiaError } from '../../../shared/errors'
import { ensureTag } from '../tags/attach'
import { foldTag } from '../tags/fold'
import { deleteTag, restoreTags } from '../tags/remove'
import { mergeTags, renameTag } from '../tags/rename'
import { suggestTags } from '../tags/suggest'
import { tagTree } from '../tags/tree'

type TagMethods = 'tags.tree' | 'tags.suggest' | 'tags.create' | 'tags.rename' | 'tags.merge' | 'tags.delete' | 'tags.restore'

export function tagHandlers(lib: Library): Pick<Handlers, TagMethods> {
  const changed = <T>(reason: string, result: T): T => {
    lib.emit('library.changed', { reason })
    return result
  }
  return {
    'tags.tree': () => tagTree(lib),
    'tags.suggest': ({ prefix, limit }) => suggestTags(lib, prefix, limit),
    'tags.create': ({ path }) => {
      lib.write(() => ensureTag(lib, path))
      const node = tagTree(lib).find((n) => foldTag(n.path) === foldTag(path))
      if (!node) throw new ScholiaError('internal', `tag "${path}" was not created`)
      return changed('tags', node)
    },
    'tags.rename': ({ from, to }) => changed('tags', { renamed: renameTag(lib, from, to) }),
    'tags.merge': ({ from, into }) => changed('tags', { moved: mergeTags(lib, from, into) }),
    'tags.delete': ({ path }) => changed('tags', deleteTag(lib, path)),
    'tags.restore': ({ undoToken }) => changed('tags', { tags: restoreTags(lib, undoToken) })
  }
}
