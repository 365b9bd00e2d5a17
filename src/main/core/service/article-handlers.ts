import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { getArticle, setProgress } from '../articles/repo'
import { listArticles } from '../articles/list'

export function articleHandlers(lib: Library): Pick<Handlers, 'articles.list' | 'articles.get' | 'articles.setProgress'> {
  return {
    'articles.list': (q) => listArticles(lib, q),
    'articles.get': ({ id }) => getArticle(lib, id),
    'articles.setProgress': ({ id, progress }) => lib.write(() => setProgress(lib, id, progress))
  }
}
