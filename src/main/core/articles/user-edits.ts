/**
 * What a user changed by hand in an article's metadata wins over what a file
 * says: re-importing a changed version of the file updates everything else.
 * `articles.meta_original` (written by library/metadata.ts at the first edit)
 * keeps the imported values and, under `edited`, which fields the user set.
 */

/** The metadata fields a user can edit by hand. */
export const EDITABLE_FIELDS = ['title', 'author', 'published', 'source'] as const
export type EditableField = (typeof EDITABLE_FIELDS)[number]

export type EditableValues = { title: string } & Record<Exclude<EditableField, 'title'>, string | null>

interface MetaOriginal extends EditableValues {
  editedAt?: string
  edited?: Partial<Record<EditableField, boolean>>
}

/**
 * The fields the user edited. Edits recorded before `edited` was kept are
 * recognised by a value that differs from the imported one.
 */
export function editedFields(metaOriginal: string | null, current: EditableValues): Set<EditableField> {
  if (!metaOriginal) return new Set()
  const o = JSON.parse(metaOriginal) as MetaOriginal
  if (o.edited) return new Set(EDITABLE_FIELDS.filter((f) => o.edited?.[f] === true))
  return new Set(EDITABLE_FIELDS.filter((f) => (o[f] ?? null) !== (current[f] ?? null)))
}

/**
 * The values an article keeps after a re-import (the user's where they edited,
 * the file's elsewhere) and its new `meta_original`, which records what the new
 * file says, so the provenance panel stays true to the file.
 */
export function mergeReimport(
  metaOriginal: string | null,
  current: EditableValues,
  incoming: EditableValues
): { values: EditableValues; metaOriginal: string | null } {
  const edited = editedFields(metaOriginal, current)
  const pick = <F extends EditableField>(f: F): EditableValues[F] => (edited.has(f) ? current[f] : incoming[f])
  const values: EditableValues = { title: pick('title'), author: pick('author'), published: pick('published'), source: pick('source') }
  if (!metaOriginal) return { values, metaOriginal: null }
  const o = JSON.parse(metaOriginal) as MetaOriginal
  const edits = Object.fromEntries([...edited].map((f) => [f, true]))
  return { values, metaOriginal: JSON.stringify({ ...o, ...incoming, edited: edits }) }
}
