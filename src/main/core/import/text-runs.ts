/**
 * Makes parse5 cheap on long text. Its tokenizer handles text one character at a
 * time (a string append and a state call each), which is most of the cost of
 * canonicalising a book. Long runs of plain text between tags are swapped for short
 * placeholders before parsing and put back in the tree afterwards.
 *
 * This is exact because a run is swapped only when nothing in it can matter to the
 * HTML tokenizer or tree builder in any state: it has no markup or quoting
 * characters (`< > & " ' = \``), no CR or NUL (which the parser rewrites), no leading
 * or trailing HTML whitespace (a leading newline is dropped after <pre>), and it is
 * not all whitespace — so, like its placeholder, it is one stretch of non-whitespace
 * text to every rule that looks at character tokens (foster parenting in tables
 * included), and in attributes, comments or raw text it is copied as it stands.
 * canonical.test.ts checks the result against parsing without placeholders.
 */

/** Shorter runs are not worth a placeholder. */
export const MIN_RUN_CHARS = 24

// Private-use characters: never produced by a parser, and checked absent from the input.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const PLACEHOLDER_CHARS = /[\uE000\uE001]/
const PLACEHOLDER = /\uE000([0-9a-z]+)\uE001/g
/** Characters that change how the tokenizer reads text in some state. */
const SPECIAL = /[<>&"'=`\0\r]/
/** HTML whitespace, as the tokenizer defines it (CR is already LF by then). */
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c

/** The HTML with long text runs replaced, and the runs, to restore after parsing. */
export interface Shortened {
  html: string
  runs: string[]
}

/** Replaces long plain-text runs between tags by placeholders (see the file comment). */
export function shortenRuns(html: string, min = MIN_RUN_CHARS): Shortened {
  const runs: string[] = []
  if (PLACEHOLDER_CHARS.test(html)) return { html, runs }
  const out: string[] = []
  let copied = 0
  let at = html.indexOf('>')
  while (at >= 0 && at < html.length) {
    const start = at + 1
    let end = html.indexOf('<', start)
    if (end < 0) end = html.length
    let a = start
    let b = end
    while (a < b && isSpace(html.charCodeAt(a))) a++
    while (b > a && isSpace(html.charCodeAt(b - 1))) b--
    if (b - a >= min) {
      const core = html.slice(a, b)
      if (!SPECIAL.test(core)) {
        out.push(html.slice(copied, a), OPEN + runs.length.toString(36) + CLOSE)
        runs.push(core)
        copied = b
      }
    }
    at = html.indexOf('>', end)
  }
  if (runs.length === 0) return { html, runs }
  out.push(html.slice(copied))
  return { html: out.join(''), runs }
}

/** Puts the runs back into a text or attribute value. */
export function restoreRuns(value: string, runs: readonly string[]): string {
  if (runs.length === 0 || value.indexOf(OPEN) < 0) return value
  return value.replace(PLACEHOLDER, (_, k: string) => runs[parseInt(k, 36)])
}
