import type { Picked } from './dropped'

/**
 * A teammate's notes, by name: a Web Annotation export (.jsonld, or .json)
 * or a Scholia bundle (.scholia). The same extensions the core's sharing
 * importer takes (isSharedNotesFile); articles never come in these formats.
 */
const SHARED_NOTES = /\.(?:jsonld|json|scholia)$/i

export function isSharedNotesName(name: string): boolean {
  return SHARED_NOTES.test(name.trim())
}

/** An absolute path to a notes file, pasted as a line of text (POSIX, Windows drive or UNC). */
export function pastedNotesPath(text: string): string | null {
  const line = text.trim()
  if (line.includes('\n') || !isSharedNotesName(line)) return null
  return /^(?:\/|[A-Za-z]:[\\/]|\\\\)/.test(line) ? line : null
}

/** Splits what was dropped or chosen into teammates' notes files and the articles to import. */
export function splitShared(picked: Picked): { notes: Picked; articles: Picked } {
  if (picked.kind === 'paths')
    return {
      notes: { kind: 'paths', paths: picked.paths.filter(isSharedNotesName) },
      articles: { kind: 'paths', paths: picked.paths.filter((p) => !isSharedNotesName(p)) }
    }
  return {
    notes: { kind: 'files', files: picked.files.filter((f) => isSharedNotesName(f.name)) },
    articles: { kind: 'files', files: picked.files.filter((f) => !isSharedNotesName(f.name)) }
  }
}

/** How many files or paths were picked. */
export function pickedCount(p: Picked): number {
  return p.kind === 'paths' ? p.paths.length : p.files.length
}
