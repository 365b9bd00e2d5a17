/** Data shapes that cross the API boundary. Timestamps are ISO 8601 strings. */

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const
export type Color = (typeof COLORS)[number]

export interface ArticleSummary {
  id: string
  title: string
  author: string | null
  published: string | null
  source: string | null
  site: string | null
  format: string
  importedAt: string
  lastReadAt: string | null
  progress: number
  isRead: boolean
  archived: boolean
  wordCount: number
  annotationCount: number
  tags: string[]
}

export interface Provenance {
  source: string | null
  format: string
  encoding: string | null
  contentHash: string
  importedAt: string
  updatedAt: string
}

export interface Article extends ArticleSummary {
  html: string
  text: string
  note: string
  language: string | null
  provenance: Provenance
}

export interface Annotation {
  id: string
  articleId: string
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  color: Color
  note: string
  tags: string[]
  creator: string | null
  createdAt: string
  updatedAt: string
  orphaned: boolean
}

export type ImportStatus = 'created' | 'updated' | 'duplicate'

/** One line of an import report: an article written, or a file that failed. */
export type ImportOutcome =
  | {
      file: string
      status: ImportStatus
      id: string
      title: string
      author: string | null
      published: string | null
    }
  | { file: string; error: string }

export interface ImportReport {
  jobId: string
  outcomes: ImportOutcome[]
  cancelled: boolean
}

export interface ImportProgress {
  jobId: string
  done: number
  total: number
  current: string | null
  failed: number
}

export interface AppInfo {
  version: string
  libraryPath: string
  mode: 'electron' | 'browser'
  articleCount: number
}
