/**
 * Builds the reader benchmark's library: one book-length article (War and Peace
 * size) and, optionally, 10,000 highlights on it, written through the core into a
 * SQLite file in a temp folder.
 */
import { createHash, randomUUID } from 'node:crypto'
import { describeRange } from '../../src/shared/anchoring'
import { COLORS } from '../../src/shared/model'
import { canonicalize } from '../../src/main/core/import/canonical'
import { insertArticle } from '../../src/main/core/articles/repo'
import type { Library } from '../../src/main/core/library'
import { indexAnnotation, refreshAnnotationCount } from '../../src/main/core/annotations/repo'
import { rng } from '../../src/main/core/reliability/random'

/** War and Peace in plain text is about 3.2 MB in about 12,000 paragraphs. */
export const BOOK_TEXT_CHARS = 3_200_000
export const BOOK_PARAGRAPHS = 12_000
/** One chapter heading every this many paragraphs (about 360 chapters, like the novel). */
const PARAGRAPHS_PER_CHAPTER = 33
export const BENCH_HIGHLIGHTS = 10_000

const WORDS = (
  'the of and to a in he that was his it with had is not for as on at by her she him be which ' +
  'prince Andrew Pierre Natasha count countess Moscow Petersburg army emperor Napoleon Kutuzov ' +
  'battle regiment drawing-room letter smiled looked said answered thought felt could would never ' +
  'always again himself herself suddenly quietly French Russian old young face eyes hand voice ' +
  'князь Болконский Ростов — «ну» naïve café déjà'
).split(' ')


function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** A sentence-ish run of words, with some inline emphasis so text nodes are split like a real book. */
function paragraph(rand: () => number, chars: number): string {
  const parts: string[] = []
  let len = 0
  while (len < chars) {
    let w = WORDS[Math.floor(rand() * WORDS.length)]
    if (parts.length === 0) w = w[0].toUpperCase() + w.slice(1)
    const r = rand()
    const html = r < 0.02 ? `<em>${escapeHtml(w)}</em>` : r < 0.03 ? `<strong>${escapeHtml(w)}</strong>` : escapeHtml(w)
    parts.push(html)
    len += w.length + 1
  }
  return parts.join(' ') + '.'
}

/** The book's HTML: chapters of paragraphs, about BOOK_TEXT_CHARS of text in BOOK_PARAGRAPHS blocks. */
export function bookHtml(seed = 1812): string {
  const rand = rng(seed)
  const perParagraph = Math.round(BOOK_TEXT_CHARS / BOOK_PARAGRAPHS)
  const out: string[] = []
  let chapter = 0
  for (let i = 0; i < BOOK_PARAGRAPHS; i++) {
    if (i % PARAGRAPHS_PER_CHAPTER === 0) {
      chapter++
      if (chapter % 20 === 1) out.push(`<h2>Book ${Math.ceil(chapter / 20)}</h2>`)
      out.push(`<h3>Chapter ${chapter}</h3>`)
    }
    // Lengths vary like real prose: short replies and long descriptive paragraphs.
    const chars = Math.round(perParagraph * (0.3 + rand() * 1.4))
    out.push(`<p>${paragraph(rand, chars)}</p>`)
  }
  return out.join('\n')
}

export interface BenchArticle {
  id: string
  text: string
}

/** Inserts the book into the library through the core's article repository. */
export function insertBook(lib: Library, title: string, seed = 1812): BenchArticle {
  const { html, text } = canonicalize(bookHtml(seed))
  const { id } = lib.write(() =>
    insertArticle(lib, {
      title,
      author: 'Bench Tolstoy',
      published: '1869-01-01',
      source: `scholia:bench/${title}`,
      site: null,
      format: 'html',
      encoding: 'utf-8',
      language: 'en',
      html,
      text,
      contentHash: createHash('sha256').update(text).digest('hex')
    })
  )
  return { id, text }
}

/** Random ranges of 20–200 characters spread over the whole text; some overlap, as real ones do. */
export function highlightRanges(text: string, count: number, seed = 7): Array<{ start: number; end: number }> {
  const rand = rng(seed)
  const out: Array<{ start: number; end: number }> = []
  while (out.length < count) {
    const start = Math.floor(rand() * (text.length - 250))
    const end = start + 20 + Math.floor(rand() * 180)
    if (/\S/.test(text.slice(start, end))) out.push({ start, end })
  }
  return out.sort((a, b) => a.start - b.start)
}

/**
 * Writes highlights straight into the v1 schema in one transaction, deriving the
 * quote selectors with the shared anchoring code and indexing them with the
 * annotation core's own helpers. (The core's createAnnotation re-reads the 3 MB
 * text per call, which would make 10,000 of them take minutes.)
 */
export function insertHighlights(lib: Library, article: BenchArticle, count = BENCH_HIGHLIGHTS): void {
  const rand = rng(99)
  const now = new Date().toISOString()
  const insert = lib.db.prepare(
    `INSERT INTO annotations(id, article_id, start_pos, end_pos, exact, prefix, suffix, color, note, creator, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  )
  lib.write(() => {
    for (const r of highlightRanges(article.text, count)) {
      const { position, quote } = describeRange(article.text, r.start, r.end)
      const color = COLORS[Math.floor(rand() * COLORS.length)]
      const note = rand() < 0.1 ? 'A note on this passage.' : ''
      const info = insert.run(randomUUID(), article.id, position.start, position.end, quote.exact, quote.prefix, quote.suffix, color, note, 'bench', now, now)
      indexAnnotation(lib, Number(info.lastInsertRowid), quote.exact, note)
    }
    refreshAnnotationCount(lib, article.id)
  })
}
