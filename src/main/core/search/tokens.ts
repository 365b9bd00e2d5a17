import { normalizeForIndex } from '../search-text'

/**
 * A JavaScript mirror of the FTS5 tokenizer the indexes use
 * (`unicode61 remove_diacritics 2` after normalizeForIndex), so snippets mark
 * the same words the index matched. unicode61 folds case in every script but
 * strips diacritics from Latin letters only: "café" = "cafe", while Russian
 * "й" stays a letter of its own (and ё is handled by normalizeForIndex).
 */

/** Characters unicode61 treats as part of a token: letters, numbers, marks, private use. */
export const TOKEN_RE = /[\p{L}\p{N}\p{M}\p{Co}]+/gu
/** Non-global twin of TOKEN_RE for tests: a global regex keeps lastIndex, which matchAll would inherit. */
const ANY_TOKEN_RE = /[\p{L}\p{N}\p{M}\p{Co}]/u

/** Latin-1 Supplement to Latin Extended-B, and Latin Extended Additional: where unicode61 removes diacritics. */
function isLatinWithDiacritics(cp: number): boolean {
  return (cp >= 0xc0 && cp <= 0x24f) || (cp >= 0x1e00 && cp <= 0x1eff)
}

/** The form in which a token is compared: what FTS5 stores for it. */
export function foldToken(token: string): string {
  let out = ''
  for (const ch of normalizeForIndex(token).normalize('NFC')) {
    const lower = ch.toLowerCase()
    out += isLatinWithDiacritics(ch.codePointAt(0) ?? 0) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower
  }
  return out
}

/** True when text holds at least one token (a term without one can match nothing). */
export function hasToken(text: string): boolean {
  return ANY_TOKEN_RE.test(text)
}

/** Folded tokens of a piece of query text, in order. */
export function tokensOf(text: string): string[] {
  return Array.from(text.matchAll(TOKEN_RE), (m) => foldToken(m[0]))
}
