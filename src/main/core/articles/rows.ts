import type { Article, ArticleSummary } from '../../../shared/model'

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

export interface ArticleRow extends SummaryRow {
  html: string
  text: string
  note: string
  language: string | null
  encoding: string | null
  content_hash: string
  updated_at: string
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
  return {
    ...toSummary(r, tags),
    html: r.html,
    text: r.text,
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
