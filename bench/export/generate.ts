/**
 * Two libraries for the export benchmark, written straight with SQL in a few
 * transactions: A holds `articles` articles (3–8 KB of text, tagged) and
 * `annotations` annotations on real passages of them (quotes, context,
 * positions, notes, colours, tags, a few tombstones); B is a teammate's
 * library holding the same articles under its own ids (imported by itself),
 * without annotations: the target of the import. Most articles have a web
 * address (matched by it); the rest only a file path (matched by content hash).
 */
import Database from 'better-sqlite3'
import { createHash, randomUUID } from 'node:crypto'
import { describeRange } from '../../src/shared/anchoring'
import { COLORS } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { normalizeForIndex } from '../../src/main/core/search-text'
import { foldTag } from '../../src/main/core/tags/fold'
import { body, ENGLISH, Random, RUSSIAN, sentence, type Vocabulary } from '../library/vocabulary'

export interface ExportLibraries {
  a: string
  b: string
  seconds: number
}

const TAGS = ['region/kazakhstan', 'region/kyrgyzstan', 'region/armenia', 'topic/security', 'topic/economy', 'topic/climate', 'project/alpha', 'to-check', 'key']
const BATCH = 1_000

function open(path: string): Database.Database {
  Library.open(path).close()
  const db = new Database(path)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  return db
}

/** Creates both library files and fills them; same seed, same libraries. */
export function generateExportLibraries(aPath: string, bPath: string, articles: number, annotations: number, seed = 6): ExportLibraries {
  const t0 = performance.now()
  const a = open(aPath)
  const b = open(bPath)
  const r = new Random(seed)
  const now = '2024-06-01T00:00:00.000Z'
  const tagIds = TAGS.map((t, i) => {
    for (const db of [a, b]) db.prepare('INSERT INTO tags(id, path, fold, created_at) VALUES (?, ?, ?, ?)').run(i + 1, t, foldTag(t), now)
    return i + 1
  })
  const ins = (db: Database.Database) => ({
    article: db.prepare(
      `INSERT INTO articles(rowid, id, title, author, published, source, site, format, encoding, language, content_hash, word_count, imported_at, updated_at, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'html', 'UTF-8', ?, ?, ?, ?, ?, ?)`
    ),
    content: db.prepare('INSERT INTO article_content(article_rowid, html, text) VALUES (?, ?, ?)'),
    fts: db.prepare('INSERT INTO articles_fts(rowid, title, author, text) VALUES (?, ?, ?, ?)'),
    tag: db.prepare('INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) VALUES (?, ?)')
  })
  const A = ins(a)
  const B = ins(b)
  const texts: string[] = []
  const ids: string[] = []
  const perArticle = Math.max(1, Math.round(annotations / articles))

  const insNote = a.prepare(
    `INSERT INTO annotations(rowid, id, article_id, start_pos, end_pos, exact, prefix, suffix, color, note, creator, created_at, updated_at, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insNoteFts = a.prepare('INSERT INTO annotations_fts(rowid, exact, note) VALUES (?, ?, ?)')
  const insNoteTag = a.prepare('INSERT OR IGNORE INTO annotation_tags(annotation_rowid, tag_id) VALUES (?, ?)')
  let noteRowid = 0

  const load = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const rowid = i + 1
      const v: Vocabulary = r.float() < 0.2 ? RUSSIAN : ENGLISH
      const text = body(r, v, 3_000 + r.int(5_000))
      const html = `<p>${text.replace(/\n/g, '</p><p>')}</p>`
      const hash = createHash('sha256').update(html).digest('hex')
      const title = sentence(r, v).slice(0, 90).replace(/\.$/, '')
      const author = r.float() < 0.8 ? sentence(r, v).split(' ').slice(0, 2).join(' ') : null
      const source = r.float() < 0.7 ? `https://news.example.org/${i}` : `/home/anya/articles/${i}.html`
      const note = r.float() < 0.2 ? sentence(r, v) : ''
      const id = randomUUID()
      const imported = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()
      for (const [db, q, articleId] of [[a, A, id], [b, B, randomUUID()]] as const) {
        void db
        q.article.run(rowid, articleId, title, author, '2024-05-01', source, 'news.example.org', v === RUSSIAN ? 'ru' : 'en', hash, Math.round(text.length / 6), imported, imported, note)
        q.content.run(rowid, html, text)
        q.fts.run(rowid, normalizeForIndex(title), normalizeForIndex(author ?? ''), normalizeForIndex(text))
        if (i % 3 === 0) q.tag.run(rowid, tagIds[i % tagIds.length])
      }
      texts.push(text)
      ids.push(id)
      // Annotations on real passages, in the store's own selector form.
      for (let k = 0; k < perArticle && noteRowid < annotations; k++) {
        const start = r.int(text.length - 200)
        const len = 20 + r.int(150)
        let s
        try {
          s = describeRange(text, start, start + len)
        } catch {
          continue
        }
        const created = new Date(Date.UTC(2024, 0, 1) + noteRowid * 60_000).toISOString()
        const n = r.float() < 0.4 ? sentence(r, v) : ''
        const deleted = r.float() < 0.02 ? created : null
        noteRowid++
        insNote.run(noteRowid, randomUUID(), id, s.position.start, s.position.end, s.quote.exact, s.quote.prefix, s.quote.suffix,
          COLORS[r.int(COLORS.length)], n, 'Аня', created, created, deleted)
        if (!deleted) insNoteFts.run(noteRowid, normalizeForIndex(s.quote.exact), normalizeForIndex(n))
        if (r.float() < 0.3) insNoteTag.run(noteRowid, tagIds[r.int(tagIds.length)])
      }
    }
  }
  const loadBoth = (from: number, to: number) => a.transaction(() => b.transaction(() => load(from, to))())()
  for (let i = 0; i < articles; i += BATCH) loadBoth(i, Math.min(articles, i + BATCH))
  a.exec(`UPDATE articles SET annotation_count = (SELECT count(*) FROM annotations n WHERE n.article_id = articles.id AND n.deleted_at IS NULL)`)
  a.prepare("INSERT INTO settings(key, value) VALUES ('identity', 'Аня')").run()
  a.close()
  b.close()
  return { a: aPath, b: bPath, seconds: (performance.now() - t0) / 1000 }
}
