import { z } from 'zod'
import { COLORS, type Annotation } from '../model'
import { Id, method } from './define'

/** 1 MB: a note longer than this is refused with a message rather than stored. */
export const MAX_NOTE_CHARS = 1_000_000

const Note = z.string().max(MAX_NOTE_CHARS, `note is longer than ${MAX_NOTE_CHARS} characters — shorten it`)
const Tags = z.array(z.string().min(1).max(200)).max(50)
const Offset = z.number().int().min(0)

export const annotationMethods = {
  /** An article's annotations in reading order; orphaned ones (no longer placeable) last. */
  'annotations.list': method<Annotation[]>()(z.object({ articleId: Id }).strict()),
  /** Highlights [start, end) of the article's plain text; the core derives the quote selectors. */
  'annotations.create': method<Annotation>()(
    z
      .object({
        articleId: Id,
        start: Offset,
        end: Offset,
        color: z.enum(COLORS).default('yellow'),
        note: Note.default(''),
        tags: Tags.default([])
      })
      .strict()
  ),
  /** Edits colour, note or tags; a new range re-attaches an orphaned annotation. */
  'annotations.update': method<Annotation>()(
    z
      .object({
        id: Id,
        color: z.enum(COLORS).optional(),
        note: Note.optional(),
        tags: Tags.optional(),
        range: z.object({ start: Offset, end: Offset }).strict().optional()
      })
      .strict()
  ),
  /** Deletes with a tombstone (kept for undo and for merging with teammates). */
  'annotations.delete': method<void>()(z.object({ id: Id }).strict()),
  /** Undoes a delete. */
  'annotations.restore': method<Annotation>()(z.object({ id: Id }).strict()),
  /** The article-level note. */
  'articles.setNote': method<void>()(z.object({ id: Id, note: Note }).strict())
}
