/**
 * A user working in the app, for the concurrent-access test: browsing the
 * library, opening articles, highlighting, editing and deleting highlights,
 * writing notes, tagging one article and bulk-tagging all of them, editing
 * metadata, reading, searching for what was just written, and exporting. Every
 * call goes through the API the UI uses; each answered write is recorded, so the
 * test can check afterwards that none was lost.
 */
import { COLORS } from '../../../shared/model'
import type { ArticleSummary, Annotation } from '../../../shared/model'
import type { ListPage } from '../../../shared/api/articles'
import type { AnnotationSpans, ArticleHead } from '../../../shared/api/reading'
import type { ExportResult } from '../../../shared/api/export'
import type { BulkResult } from '../../../shared/api/library'
import type { SearchResult } from '../../../shared/api/search'

/** Calls one API method (byte results come as a Uint8Array); rejects with the error's code and message when the answer is not ok. */
export type Call = <T>(method: string, args: unknown) => Promise<T>

/** What the session was told had been saved, to compare with the library at the end. */
export interface SessionRecord {
  rounds: number
  /** Highlights made in the session: their last note, and whether the user deleted them. */
  highlights: Map<string, { articleId: string; note: string; deleted: boolean }>
  articleNotes: Map<string, string>
  progress: Map<string, number>
  titles: Map<string, string>
  /** Tags added to one article at a time: article id → tags. */
  articleTags: Map<string, Set<string>>
  /** "Select all → add tag": the tag and how many articles the answer said it reached. */
  bulkTags: { tag: string; matched: number }[]
  theme: string | null
  exports: number
  searches: number
}

/** How often the heavier actions come (every n-th round). */
const DELETE_EVERY = 3
const EDIT_META_EVERY = 3
const BULK_TAG_EVERY = 4
const EXPORT_EVERY = 5
/** Formats exported in turn; JSON-LD comes back as a download the test reads. */
const EXPORT_FORMATS = ['jsonld', 'md', 'csv'] as const
/** Words a session highlight spans: longer than the other writer's (child-writes.ts), so the two rarely pick the same words. */
const HIGHLIGHT_CHARS = 12
/** Articles the library page shows at once. */
const PAGE = 50
/** A pause between rounds: a person reads between clicks, and the command line gets the CPU a person would leave it. */
const THINK_MS = 100

/** A word that only this round's highlight note contains, so a search must find exactly that highlight. */
export const noteWord = (round: number): string => `sessionnote${round}x`

function liveHighlights(r: SessionRecord): string[] {
  return [...r.highlights].filter(([, h]) => !h.deleted).map(([id]) => id)
}

/**
 * One round of work in the app. `exportDir` receives the Markdown exports (the
 * other formats are downloads, as in browser mode).
 */
async function round(call: Call, r: SessionRecord, i: number, exportDir: string): Promise<void> {
  // Browse the library and open an article; newly imported ones show up as they arrive.
  const page = await call<ListPage>('articles.list', { limit: PAGE, sort: 'added', desc: true })
  const pick: ArticleSummary = page.items[i % page.items.length]
  // As the reader opens it: details, the text as bytes, what to paint, then the highlights' details.
  const article = await call<ArticleHead>('articles.open', { id: pick.id })
  const text = new TextDecoder().decode(await call<Uint8Array>('articles.content', { id: pick.id, part: 'text' }))
  await call<AnnotationSpans>('annotations.spans', { articleId: article.id })
  await call<Annotation[]>('annotations.list', { articleId: article.id })

  // Highlight a few words with a note only this round uses.
  const span = Math.max(1, Math.min(HIGHLIGHT_CHARS, text.length - 1))
  const start = (i * 3) % Math.max(1, text.length - span)
  const note = `${noteWord(i)} — checked against the source`
  const made = await call<Annotation>('annotations.create', {
    articleId: article.id, start, end: start + span, color: COLORS[i % COLORS.length], note, tags: ['session/highlights']
  })
  // The same words in the same colour give back the highlight already there (the other writer's, or an earlier round's): not this round's.
  const mine = made.note === note
  if (mine) r.highlights.set(made.id, { articleId: article.id, note, deleted: false })

  const live = liveHighlights(r).filter((id) => id !== made.id)
  if (live.length > 0) {
    const id = live[(i * 7) % live.length]
    const edited = `edited in round ${i}`
    await call<Annotation>('annotations.update', { id, note: edited, tags: ['session/highlights', 'session/edited'] })
    r.highlights.get(id)!.note = edited
    if (i % DELETE_EVERY === 0) {
      await call<void>('annotations.delete', { id })
      r.highlights.get(id)!.deleted = true
    }
  }

  await call<void>('articles.setNote', { id: article.id, note: `Article note, round ${i}.` })
  r.articleNotes.set(article.id, `Article note, round ${i}.`)
  const progress = ((i % 9) + 1) / 10
  await call<void>('articles.setProgress', { id: article.id, progress })
  r.progress.set(article.id, progress)

  const tag = `session/round-${i % 4}`
  await call<BulkResult>('library.tag', { selection: { ids: [article.id] }, add: [tag] })
  if (!r.articleTags.has(article.id)) r.articleTags.set(article.id, new Set())
  r.articleTags.get(article.id)!.add(tag)
  if (i % BULK_TAG_EVERY === 0) {
    const bulk = `session/all-${i}`
    const res = await call<BulkResult>('library.tag', { selection: { filter: {} }, add: [bulk] })
    r.bulkTags.push({ tag: bulk, matched: res.matched })
  }
  if (i % EDIT_META_EVERY === 0) {
    const title = `${article.title.replace(/ \[edited \d+\]$/, '')} [edited ${i}]`
    await call<BulkResult>('library.editMeta', { selection: { ids: [article.id] }, title })
    r.titles.set(article.id, title)
  }
  const theme = i % 2 === 0 ? 'dark' : 'light'
  await call<void>('settings.set', { key: 'theme', value: theme })
  r.theme = theme

  // The highlight just saved is found by search at once (the full-text index is written in the same transaction).
  const found = await call<SearchResult>('search.query', { q: noteWord(i) })
  if (mine && !found.hits.some((h) => h.annotationId === made.id)) throw new Error(`search for ${noteWord(i)} did not find highlight ${made.id}`)
  await call<SearchResult>('search.query', { q: i % 2 === 0 ? 'ледник*' : 'climate' })
  r.searches += 2

  if (i % EXPORT_EVERY === 0) await exportNow(call, r, i, exportDir)
}

async function exportNow(call: Call, r: SessionRecord, i: number, exportDir: string): Promise<void> {
  const format = EXPORT_FORMATS[(i / EXPORT_EVERY) % EXPORT_FORMATS.length]
  const expected = liveHighlights(r)
  const res = await call<ExportResult>('export.run', { scope: { kind: 'all' }, format, ...(format === 'md' ? { out: exportDir } : {}) })
  if (res.annotations < expected.length) throw new Error(`export (${format}) had ${res.annotations} highlights, ${expected.length} were saved`)
  if (format === 'jsonld') {
    const text = Buffer.from(res.download!.base64, 'base64').toString('utf8')
    const missing = expected.find((id) => !text.includes(id))
    if (missing) throw new Error(`the JSON-LD export lacks highlight ${missing}, saved before it`)
  }
  r.exports++
}

/**
 * Works in the app until `keepGoing()` says stop, for at least `minRounds`
 * rounds. Resolves with what was saved; rejects at the first failed call.
 */
export async function runUserSession(call: Call, opts: { minRounds: number; keepGoing: () => boolean; exportDir: string }): Promise<SessionRecord> {
  const r: SessionRecord = {
    rounds: 0, highlights: new Map(), articleNotes: new Map(), progress: new Map(), titles: new Map(),
    articleTags: new Map(), bulkTags: [], theme: null, exports: 0, searches: 0
  }
  for (let i = 0; i < opts.minRounds || opts.keepGoing(); i++) {
    await round(call, r, i, opts.exportDir)
    r.rounds++
    await new Promise((ok) => setTimeout(ok, THINK_MS))
  }
  return r
}
