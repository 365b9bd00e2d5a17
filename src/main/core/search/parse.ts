import { ScholiaError } from '../../../shared/errors'
import { COLORS, type Color } from '../../../shared/model'
import { normalizeForIndex } from '../search-text'
import { hasToken } from './tokens'

/** A piece of text to find: a word, a "phrase", or a prefix* (of a word or phrase). */
export interface TextTerm {
  /** As typed, ё folded to е; quoted before it reaches FTS5. */
  text: string
  phrase: boolean
  prefix: boolean
}

export type Scope = 'all' | 'notes' | 'highlights' | 'articles'

/** A search query taken apart. Every list holds conditions that must all be met. */
export interface ParsedQuery {
  terms: TextTerm[]
  excluded: TextTerm[]
  tags: string[]
  notTags: string[]
  authors: TextTerm[]
  notAuthors: TextTerm[]
  /** First day (or month, or year) included, as typed: compared as an ISO string prefix. */
  after: string | null
  /** Excluded from this day on. */
  before: string | null
  /** Any of these colours (annotations only). */
  colors: Color[]
  notColors: Color[]
  annotated: boolean | null
  read: boolean | null
  archived: boolean | null
  scope: Scope
}

/** More terms than this is refused: each one is a separate index lookup. */
export const MAX_TERMS = 32
/** Shorter prefixes expand to most of the vocabulary and make a slow search. */
export const MIN_PREFIX_CHARS = 2

const OPERATORS = ['tag', 'author', 'after', 'before', 'color', 'colour', 'is', 'in'] as const
type Operator = (typeof OPERATORS)[number]
const IS_VALUES = ['annotated', 'unread', 'read', 'archived'] as const
const IN_VALUES = ['notes', 'highlights', 'articles'] as const
const HELP = 'operators are tag:, author:, after:, before:, color:, is:, in:'

function bad(message: string): never {
  throw new ScholiaError('invalid_argument', `search: ${message}`)
}

export function emptyQuery(): ParsedQuery {
  return {
    terms: [],
    excluded: [],
    tags: [],
    notTags: [],
    authors: [],
    notAuthors: [],
    after: null,
    before: null,
    colors: [],
    notColors: [],
    annotated: null,
    read: null,
    archived: null,
    scope: 'all'
  }
}

/** True when the query has no condition at all (blank). */
export function isEmptyQuery(q: ParsedQuery): boolean {
  return JSON.stringify(q) === JSON.stringify(emptyQuery())
}

/** Reads `"…"` starting at the opening quote; returns the text and the index after the closing quote. */
function readQuoted(s: string, at: number): [string, number] {
  const end = s.indexOf('"', at + 1)
  if (end < 0) bad(`unclosed quote in ${JSON.stringify(s.slice(at, at + 40))} — add the closing " or remove the opening one`)
  return [s.slice(at + 1, end), end + 1]
}

function checkDay(op: string, v: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(v)
  const month = m?.[2] ? Number(m[2]) : 1
  const day = m?.[3] ? Number(m[3]) : 1
  const valid = m && month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate()
  if (!valid) bad(`${op}:${v} is not a date — write ${op}:2024-03-31 (or ${op}:2024-03, ${op}:2024)`)
  return v
}

/**
 * A text term, or null for one with nothing searchable in it ("&", "—"): such a
 * term cannot match anything, so it is dropped rather than emptying the results.
 */
function textTerm(raw: string, phrase: boolean, prefix: boolean): TextTerm | null {
  if (!phrase && raw.includes('*')) bad(`"*" only works at the end of a word, as in kazakh* — "${raw}*" is not allowed`)
  if (!hasToken(raw)) {
    if (prefix) bad(`"${raw}*" has no letters before * — write a word start, as in kazakh*`)
    return null
  }
  if (prefix && raw.replace(/[^\p{L}\p{N}]/gu, '').length < MIN_PREFIX_CHARS)
    bad(`the prefix "${raw}*" is too short — give at least ${MIN_PREFIX_CHARS} letters before *`)
  return { text: normalizeForIndex(raw), phrase, prefix }
}

function push(list: TextTerm[], t: TextTerm | null): void {
  if (t) list.push(t)
}

function applyOperator(q: ParsedQuery, op: Operator, value: string, negated: boolean, quoted: boolean): void {
  if (value.length === 0) bad(`${op}: needs a value, e.g. ${op === 'tag' ? 'tag:region/kazakhstan' : op === 'is' ? 'is:unread' : `${op}:…`}`)
  const v = value.toLowerCase()
  switch (op) {
    case 'tag':
      ;(negated ? q.notTags : q.tags).push(value)
      return
    case 'author':
      if (!hasToken(value)) bad(`author:${value} has no letters to search for — write author:tolstoy`)
      push(negated ? q.notAuthors : q.authors, textTerm(value, quoted, false))
      return
    case 'after':
    case 'before':
      if (negated) bad(`-${op}: is not supported — use ${op === 'after' ? 'before' : 'after'}: instead`)
      q[op] = checkDay(op, value)
      return
    case 'color':
    case 'colour':
      if (!(COLORS as readonly string[]).includes(v)) bad(`unknown colour "${value}" — use one of ${COLORS.join(', ')}`)
      ;(negated ? q.notColors : q.colors).push(v as Color)
      return
    case 'is': {
      if (!(IS_VALUES as readonly string[]).includes(v)) bad(`unknown is:${value} — use is:${IS_VALUES.join(', is:')}`)
      const yes = !negated
      if (v === 'annotated') q.annotated = yes
      else if (v === 'archived') q.archived = yes
      else q.read = v === 'read' ? yes : !yes
      return
    }
    case 'in': {
      if (negated) bad(`-in: is not supported — use in:${IN_VALUES.join(', in:')}`)
      if (!(IN_VALUES as readonly string[]).includes(v)) bad(`unknown in:${value} — use in:${IN_VALUES.join(', in:')}`)
      if (q.scope !== 'all' && q.scope !== v) bad(`in:${q.scope} and in:${v} cannot both hold — keep one`)
      q.scope = v as Scope
    }
  }
}

/**
 * Parses the search syntax. Never lets user text reach SQL or FTS5 unquoted (see
 * fts.ts); anything it cannot read is refused with a one-line message naming the
 * problem and the fix, never passed on to fail inside SQLite.
 */
export function parseQuery(input: string): ParsedQuery {
  const q = emptyQuery()
  const s = input.normalize('NFC')
  let i = 0
  let count = 0
  while (i < s.length) {
    if (/\s/.test(s[i])) {
      i++
      continue
    }
    if (++count > MAX_TERMS) bad(`more than ${MAX_TERMS} terms — shorten the query`)
    let negated = false
    if (s[i] === '-' && i + 1 < s.length && !/\s/.test(s[i + 1])) {
      negated = true
      i++
    }
    if (s[i] === '"') {
      const [text, next] = readQuoted(s, i)
      const prefix = s[next] === '*'
      i = prefix ? next + 1 : next
      push(negated ? q.excluded : q.terms, textTerm(text, true, prefix))
      continue
    }
    let end = i
    while (end < s.length && !/\s/.test(s[end]) && s[end] !== '"') end++
    const word = s.slice(i, end)
    const op = /^(\p{L}+):(.*)$/u.exec(word)
    if (op) {
      const name = op[1].toLowerCase()
      if (!(OPERATORS as readonly string[]).includes(name))
        bad(`unknown operator "${op[1]}:" — ${HELP}; to search for the text itself put it in quotes: "${word}"`)
      let value = op[2]
      let quoted = false
      i = end
      if (value === '' && s[end] === '"') {
        ;[value, i] = readQuoted(s, end)
        quoted = true
      }
      applyOperator(q, name as Operator, value.trim(), negated, quoted)
      continue
    }
    i = end
    if (word === '-') continue
    const prefix = word.endsWith('*')
    const text = prefix ? word.slice(0, -1) : word
    push(negated ? q.excluded : q.terms, textTerm(text, false, prefix))
  }
  return q
}
