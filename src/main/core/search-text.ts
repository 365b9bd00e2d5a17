/**
 * Text as it is handed to FTS5. SQLite's unicode61 tokenizer folds case and
 * diacritics but not Russian ё to е (ё is a letter of its own there), so both the
 * indexed text and every query go through this.
 */
export function normalizeForIndex(s: string): string {
  return s.replace(/[ёЁ]/g, (c) => (c === 'ё' ? 'е' : 'Е'))
}
