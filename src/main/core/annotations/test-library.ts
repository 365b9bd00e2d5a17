/**
 * Test support: a real library file in a temp folder, and the real news digest
 * fixture stored as an article. Not used by the app.
 */
import { readFileSync } from 'node:fs'
import { getArticle, insertArticle } from '../articles/repo'
import { canonicalize } from '../import/canonical'
import { escapeHtml } from '../import/text-html'
import type { Library } from '../library'
import type { Args, Envelope, MethodName, Result } from '../../../shared/api'
import { dispatch } from '../service/dispatch'
import { createHandlers } from '../service/handlers'
import { FIXTURE_DIGEST, tempLibrary, type TempLibrary } from '../testing/temp-library'

export { tempLibrary }

export const FIXTURE_PATH = FIXTURE_DIGEST
export const fixtureText = (): string => readFileSync(FIXTURE_PATH, 'utf8')

/** A fresh temp library holding the news digest as one article, where most annotation tests start. */
export function digestLibrary(): TempLibrary & { articleId: string; text: string } {
  const t = tempLibrary()
  const articleId = storeText(t.lib, fixtureText())
  return { ...t, articleId, text: getArticle(t.lib, articleId).text }
}

/** Stores plain text as an article, one <p> per blank-line-separated paragraph; returns its id. */
export function storeText(lib: Library, text: string, title = 'CSTO news digest'): string {
  const html = text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('')
  const c = canonicalize(html)
  return lib.write(
    () =>
      insertArticle(lib, {
        title, author: null, published: null, source: null, site: null, format: 'text', encoding: 'UTF-8',
        language: 'en', html: c.html, text: c.text, contentHash: `test-${Math.random()}`
      }).id
  )
}

/** The `[start, end)` of the first `phrase` in `text` after `from`. */
export function rangeOf(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from)
  if (start < 0) throw new Error(`text lacks "${phrase}"`)
  return { start, end: start + phrase.length }
}

/** Calls the API as a transport would (validation included) and returns the envelope. */
export async function call<M extends MethodName>(lib: Library, method: M, args: Args<M>): Promise<Envelope<Result<M>>> {
  const handlers = createHandlers(lib, { version: 'test', mode: 'browser' })
  return (await dispatch(handlers, method, args, { transport: 'test' })) as Envelope<Result<M>>
}

/** Calls the API and returns its result, failing the test with the error message otherwise. */
export async function ok<M extends MethodName>(lib: Library, method: M, args: Args<M>): Promise<Result<M>> {
  const r = await call(lib, method, args)
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`)
  return r.result
}

/** Rowids of annotations whose quote or note matches an FTS query. */
export function searchAnnotations(lib: Library, query: string): number[] {
  return (lib.db.prepare('SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY rowid').all(query) as { rowid: number }[]).map(
    (r) => r.rowid
  )
}

export function rowidOf(lib: Library, id: string): number {
  return (lib.db.prepare('SELECT rowid FROM annotations WHERE id = ?').get(id) as { rowid: number }).rowid
}

export function annotationCount(lib: Library, articleId: string): number {
  return (lib.db.prepare('SELECT annotation_count AS n FROM articles WHERE id = ?').get(articleId) as { n: number }).n
}
