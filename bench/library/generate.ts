/**
 * Builds a large library straight with SQL (the fast path: no parsing, one
 * transaction per batch, journal off while loading), with the same rows and the
 * same normalised full-text entries the app would write: articles of 2–20 KB,
 * a tag hierarchy, annotations with quotes, notes, colours and tags.
 */
import Database from 'better-sqlite3'
import { randomUUID } from 'node:crypto'
import { COLORS } from '../../src/shared/model'
import { Library } from '../../src/main/core/library'
import { normalizeForIndex } from '../../src/main/core/search-text'
import { foldTag } from '../../src/main/core/tags/fold'
import { body, ENGLISH, Random, RUSSIAN, sentence, type Vocabulary } from './vocabulary'

export interface GenerateOptions {
  articles: number
  annotations: number
  seed?: number
}

export interface Generated {
  path: string
  articleIds: string[]
  /** Tag paths by how many articles carry them (and their children). */
  tags: { parent: string; common: string; rare: string }
  seconds: number
}

const BATCH = 1_000
const REGIONS = ['kazakhstan', 'kyrgyzstan', 'tajikistan', 'armenia', 'belarus', 'russia', 'ukraine', 'georgia', 'moldova', 'uzbekistan']
const TOPICS = ['peacekeeping', 'security', 'economy', 'climate', 'history', 'health', 'energy', 'education', 'law', 'culture']
const SITES = ['odkb-csto.org', 'bbc.co.uk', 'tass.ru', 'reuters.com', 'kz.kursiv.media', 'arxiv.org', 'nature.com', 'meduza.io']
const FORMATS = ['html', 'html', 'html', 'pdf', 'text', 'markdown', 'epub']

/** The tag vocabulary: region/<country>[/<city-n>], topic/<x>, project/<n>: about 260 tags. */
function tagPaths(): string[] {
  const out: string[] = []
  for (const r of REGIONS) {
    out.push(`region/${r}`)
    for (let c = 0; c < 5; c++) out.push(`region/${r}/city-${c}`)
  }
  for (const t of TOPICS) out.push(`topic/${t}`)
  for (let p = 0; p < 200; p++) out.push(`project/p${p}`)
  return out
}

function isoDay(r: Random, fromYear: number, years: number): string {
  const y = fromYear + r.int(years)
  return `${y}-${String(1 + r.int(12)).padStart(2, '0')}-${String(1 + r.int(28)).padStart(2, '0')}`
}

/** Creates `path` with the app's schema, then fills it; returns what the benchmark queries need. */
export function generateLibrary(path: string, opts: GenerateOptions): Generated {
  const t0 = performance.now()
  Library.open(path).close()
  const db = new Database(path)
  db.pragma('journal_mode = OFF')
  db.pragma('synchronous = OFF')
  db.pragma('cache_size = -262144')
  const r = new Random(opts.seed ?? 20240601)
  const now = '2024-06-01T00:00:00.000Z'

  const paths = tagPaths()
  const tagIds = db.transaction(() =>
    paths.map((p) => Number(db.prepare('INSERT INTO tags(path, fold, created_at) VALUES (?, ?, ?)').run(p, foldTag(p), now).lastInsertRowid))
  )()

  const insArticle = db.prepare(
    `INSERT INTO articles(rowid, id, title, author, published, source, site, format, encoding, language, content_hash, word_count,
       imported_at, updated_at, last_read_at, progress, is_read, archived)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'UTF-8', ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  const insContent = db.prepare('INSERT INTO article_content(article_rowid, html, text) VALUES (?, ?, ?)')
  const insFts = db.prepare('INSERT INTO articles_fts(rowid, title, author, text) VALUES (?, ?, ?, ?)')
  const insTag = db.prepare('INSERT OR IGNORE INTO article_tags(article_rowid, tag_id) VALUES (?, ?)')
  const articleIds: string[] = []
  const authors = Array.from({ length: 2_000 }, (_, i) => `${sentence(new Random(i + 1), i % 5 === 0 ? RUSSIAN : ENGLISH).split(' ').slice(0, 2).join(' ').replace('.', '')}`)

  const loadArticles = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const rowid = i + 1
      const v: Vocabulary = r.float() < 0.2 ? RUSSIAN : ENGLISH
      const text = body(r, v, 2_000 + r.int(18_000))
      const title = sentence(r, v).slice(0, 90).replace(/\.$/, '')
      const author = r.float() < 0.8 ? authors[r.int(authors.length)] : null
      const id = randomUUID()
      articleIds.push(id)
      const read = r.float() < 0.3
      const imported = new Date(Date.UTC(2015, 0, 1) + i * 3_000_000).toISOString()
      insArticle.run(
        rowid, id, title, author, r.float() < 0.9 ? isoDay(r, 1990, 35) : null,
        `https://${SITES[i % SITES.length]}/a/${i}`, SITES[i % SITES.length], FORMATS[r.int(FORMATS.length)],
        v === RUSSIAN ? 'ru' : 'en', `hash-${i}`, Math.round(text.length / 6), imported, imported,
        read ? imported : null, read ? 1 : r.float() * 0.5, read ? 1 : 0, r.float() < 0.1 ? 1 : 0
      )
      insContent.run(rowid, `<p>${text.replace(/\n/g, '</p><p>')}</p>`, text)
      insFts.run(rowid, normalizeForIndex(title), normalizeForIndex(author ?? ''), normalizeForIndex(text))
      // Tags: half the articles have a region (a few a city), most a topic, a few a project.
      if (r.float() < 0.5) {
        const region = r.int(REGIONS.length)
        insTag.run(rowid, tagIds[region * 6 + (r.float() < 0.2 ? 1 + r.int(5) : 0)])
      }
      if (r.float() < 0.7) insTag.run(rowid, tagIds[REGIONS.length * 6 + r.int(TOPICS.length)])
      if (r.float() < 0.1) insTag.run(rowid, tagIds[REGIONS.length * 6 + TOPICS.length + Math.floor(r.float() * r.float() * 200)])
    }
  })
  for (let i = 0; i < opts.articles; i += BATCH) loadArticles(i, Math.min(opts.articles, i + BATCH))

  const insNote = db.prepare(
    `INSERT INTO annotations(rowid, id, article_id, start_pos, end_pos, exact, color, note, creator, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?, ?)`
  )
  const insNoteFts = db.prepare('INSERT INTO annotations_fts(rowid, exact, note) VALUES (?, ?, ?)')
  const insNoteTag = db.prepare('INSERT OR IGNORE INTO annotation_tags(annotation_rowid, tag_id) VALUES (?, ?)')
  const loadAnnotations = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const rowid = i + 1
      // Squaring skews annotations toward some articles, as real reading does.
      const article = Math.floor(r.float() * r.float() * opts.articles)
      const v = article % 5 === 0 ? RUSSIAN : ENGLISH
      const exact = sentence(r, v).slice(0, 40 + r.int(120))
      const note = r.float() < 0.3 ? sentence(r, v) : ''
      const start = r.int(2_000)
      const created = new Date(Date.UTC(2018, 0, 1) + i * 180_000).toISOString()
      insNote.run(rowid, randomUUID(), articleIds[article], start, start + exact.length, exact, COLORS[r.int(COLORS.length)], note, created, created)
      insNoteFts.run(rowid, normalizeForIndex(exact), normalizeForIndex(note))
      if (r.float() < 0.2) insNoteTag.run(rowid, tagIds[r.int(tagIds.length)])
    }
  })
  for (let i = 0; i < opts.annotations; i += BATCH * 10) loadAnnotations(i, Math.min(opts.annotations, i + BATCH * 10))
  db.exec(
    `UPDATE articles SET annotation_count = (SELECT count(*) FROM annotations n WHERE n.article_id = articles.id AND n.deleted_at IS NULL)`
  )
  db.close()
  return {
    path,
    articleIds,
    tags: { parent: 'region', common: 'topic/security', rare: 'project/p150' },
    seconds: (performance.now() - t0) / 1000
  }
}
