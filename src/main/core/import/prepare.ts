import type { NewArticle } from '../articles/repo'
import { canonicalize } from './canonical'
import { articleFrom } from './prepared-article'
import { sanitizeHtml } from './sanitize'
import type { ParsedDoc } from './types'

export { prepareFile, type PreparedDoc, type WaitingDoc } from './prepared-article'

/** A parsed document made safe and canonical: what gets stored. */
export function prepareDoc(doc: ParsedDoc, format: string, encoding: string | null, source: string | null, fetched = false): NewArticle {
  // A parser-built canonical form comes only with HTML within the size limit (see ParsedDoc), so its HTML is not read.
  return articleFrom(doc, doc.canonical ?? canonicalize(sanitizeHtml(doc.html)), format, encoding, source, fetched)
}
