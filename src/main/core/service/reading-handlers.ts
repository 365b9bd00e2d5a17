import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { listAnnotationSpans } from '../annotations/spans'
import { getArticleContent } from '../articles/content'
import { openArticle } from '../articles/resume'

/** What the reader opens an article with: its details, its content as bytes, the highlights it paints. */
export function readingHandlers(lib: Library): Pick<Handlers, 'articles.open' | 'articles.content' | 'annotations.spans'> {
  return {
    'articles.open': ({ id }) => openArticle(lib, id),
    'articles.content': ({ id, part, from, to }) => getArticleContent(lib, id, part, from, to),
    'annotations.spans': ({ articleId }) => listAnnotationSpans(lib, articleId)
  }
}
