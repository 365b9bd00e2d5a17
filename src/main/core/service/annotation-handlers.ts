import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { createAnnotation } from '../annotations/create'
import { deleteAnnotation, restoreAnnotation } from '../annotations/delete'
import { listAnnotations } from '../annotations/repo'
import { updateAnnotation } from '../annotations/update'
import { setArticleNote } from '../articles/note'

type AnnotationMethod =
  | 'annotations.list'
  | 'annotations.create'
  | 'annotations.update'
  | 'annotations.delete'
  | 'annotations.restore'
  | 'articles.setNote'

/** Highlights, notes and the article-level note, bound to one library. */
export function annotationHandlers(lib: Library): Pick<Handlers, AnnotationMethod> {
  return {
    'annotations.list': ({ articleId }) => listAnnotations(lib, articleId),
    'annotations.create': (a) => createAnnotation(lib, a),
    'annotations.update': (c) => updateAnnotation(lib, c),
    'annotations.delete': ({ id }) => deleteAnnotation(lib, id),
    'annotations.restore': ({ id }) => restoreAnnotation(lib, id),
    'articles.setNote': ({ id, note }) => setArticleNote(lib, id, note)
  }
}
