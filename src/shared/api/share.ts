import { z } from 'zod'
import { event, method, NoArgs } from './define'
import { MAX_IMPORT_BYTES } from './imports'

/**
 * 200 MB: the largest shared-notes file read from disk. A JSON-LD export of
 * 100,000 annotations is about 60 MB; a bigger file is refused before it is read
 * (it would be parsed whole in memory).
 */
export const MAX_SHARE_BYTES = 200 * 1024 * 1024
/** Uploads from the UI share the import upload limit (the bridge's body cap is sized for it). */
export const MAX_SHARE_UPLOAD_BYTES = MAX_IMPORT_BYTES

/** How many rejections and missing articles a summary lists (the counts are complete). */
export const MAX_LISTED = 100

/** One annotation of a teammate's file that was not taken, and why. */
export interface ShareRejection {
  /** The annotation's id as the file gave it, when it had one. */
  id: string | null
  reason: string
}

/** What importing a teammate's file did. Importing the same file again adds, updates and deletes nothing. */
export interface ShareSummary {
  file: string
  format: 'jsonld' | 'bundle'
  /** Annotations new to this library. */
  added: number
  /** Annotations this library had, replaced by the file's newer version. */
  updated: number
  /** Annotations already as the file has them, or newer here. */
  unchanged: number
  /** Annotations deleted here because the file carries a newer delete. */
  deleted: number
  /** Annotations attached to their article whose words were not found in it (kept, shown as orphaned). */
  orphaned: number
  /** Annotations whose article is not in this library: kept aside until it is imported. */
  pending: number
  /** The missing articles (title, else address), the first MAX_LISTED of them. */
  missing: string[]
  /** Kept-aside annotations from earlier imports that found their article this time. */
  attachedFromPending: number
  /** Articles a bundle brought that this library did not have. */
  articlesAdded: number
  rejected: ShareRejection[]
  /** Who made the file's annotations. */
  creators: string[]
}

export interface ShareProgress {
  jobId: string
  phase: 'reading' | 'articles' | 'annotations'
  done: number
  total: number
}

/** An annotation kept aside because its article is missing. */
export interface PendingNote {
  id: string
  source: string | null
  title: string | null
  exact: string
  creator: string | null
  receivedAt: string
}

export const shareMethods = {
  /** A teammate's JSON-LD export or .scholia bundle sent by the UI (file input). */
  'share.importContent': method<ShareSummary>()(
    z
      .object({
        name: z.string().min(1).max(1_000),
        /** base64 of the file's bytes */
        base64: z
          .string()
          .max(Math.ceil((MAX_SHARE_UPLOAD_BYTES * 4) / 3) + 4, `file is over the ${MAX_SHARE_UPLOAD_BYTES / 1048576} MB upload limit — import it with 'scholia import FILE'`),
        jobId: z.string().max(100).optional()
      })
      .strict()
  ),
  /** A teammate's file on the machine running the core (native dialog, CLI). */
  'share.importPath': method<ShareSummary>()(
    z.object({ path: z.string().min(1).max(4_096), jobId: z.string().max(100).optional() }).strict()
  ),
  /** Annotations kept aside for want of their article (the first 100, and how many in all). */
  'share.pending': method<{ count: number; items: PendingNote[] }>()(NoArgs)
}

export const shareEvents = {
  'share.progress': event<ShareProgress>()
}
