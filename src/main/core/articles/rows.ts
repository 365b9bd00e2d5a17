import type { Article, ArticleSummary } from '../../../shared/model'
import type { ArticleHead } from '../../../shared/api/reading'

/** Column list of a library row; shared by every query that returns summaries. */
export const SUMMARY_COLUMNS = `a.rowid, a.id, a.title, a.author, a.published, a.source, a.site, a.format,
  a.imported_at, a.last_read_at, a.progress, a.is_read, a.archived, a.word_count, a.annotation_count`

export interface SummaryRow {
  rowid: number
  id: string
  title: string
  author: string | null
  published: string | null
  source: string | null
  site: string | null
  format: string
  imported_at: string
  last_read_at: string | null
  progress: number
  is_read: number
  archived: number
  word_count: number
  annotation_count: number
}

/** Column list of an article row without its content (what toArticleHead reads). */
export const HEAD_COLUMNS = `${SUMMARY_COLUMNS}, a.note, a.language, a.encoding, a.content_hash, a.updated_at`

/** An article row without its content columns. */
export interface ArticleHeadRow extends SummaryRow {
  note: string
  language: string | null
  encoding: string | null
  content_hash: string
  updated_at: string
}

export interface ArticleRow extends ArticleHeadRow {
  html: string
  text: string
}

export function toSummary(r: SummaryRow, tags: string[]): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    author: r.author,
    published: r.published,
    source: r.source,
    site: r.site,
    format: r.format,
    importedAt: r.imported_at,
    lastReadAt: r.last_read_at,
    progress: r.progress,
    isRead: r.is_read === 1,
    archived: r.archived === 1,
    wordCount: r.word_count,
    annotationCount: r.annotation_count,
    tags
  }
}

export function toArticle(r: ArticleRow, tags: string[]): Article {
  return { ...toArticleHead(r, tags), html: r.html, text: r.text }
}

/** An article's details without its content (the reader fetches that as bytes). */
export function toArticleHead(r: ArticleHeadRow, tags: string[]): ArticleHead {
  return {
    ...toSummary(r, tags),
    note: r.note,
    language: r.language,
    provenance: {
      source: r.source,
      format: r.format,
      encoding: r.encoding,
      contentHash: r.content_hash,
      importedAt: r.imported_at,
      updatedAt: r.updated_at
    }
  }
}
