/**
 * The case-insensitive key of a tag path. SQLite's NOCASE folds only A–Z, so
 * "Казахстан" and "казахстан" would be two tags; the `tags.fold` column holds
 * this key instead, unique and indexed. NFC first, so a composed and a
 * decomposed "é" are the same tag too.
 */
export function foldTag(path: string): string {
  return path.normalize('NFC').toLowerCase()
}

/**
 * Bounds of a tag's descendants on the `fold` index: every child path starts with
 * "parent/", and "0" is the character right after "/", so `fold >= lo AND fold < hi`
 * is a range scan, unlike LIKE with a non-ASCII pattern.
 */
export function subtreeRange(fold: string): { lo: string; hi: string } {
  return { lo: `${fold}/`, hi: `${fold}0` }
}

/** SQL (on alias `t`) selecting a tag and its descendants; binds fold, lo, hi. */
export const SUBTREE_SQL = '(t.fold = ? OR (t.fold >= ? AND t.fold < ?))'

/** The three parameters of SUBTREE_SQL for a user-given path. */
export function subtreeParams(path: string): [string, string, string] {
  const f = foldTag(path)
  const { lo, hi } = subtreeRange(f)
  return [f, lo, hi]
}
