/**
 * CSV export: one row per live annotation, RFC 4180 (comma, CRLF, quotes
 * doubled), UTF-8 with a byte order mark so spreadsheet apps read Cyrillic
 * right.
 */
import type { ExportAnnotation, ExportArticle } from './rows'

export const CSV_BOM = '\uFEFF'
export const CSV_HEADER = [
  'Article', 'Author', 'Source', 'Published', 'Quote', 'Note', 'Colour', 'Tags', 'Creator', 'Created', 'Modified', 'Annotation ID', 'Article ID'
]

/**
 * Cells a spreadsheet would run as a formula (or a DDE command) when they
 * begin with one of these; a leading apostrophe makes them text, as OWASP
 * advises.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/** One cell: neutralised against formula injection, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const s = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function csvRow(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

export function csvHead(): string {
  return CSV_BOM + csvRow(CSV_HEADER)
}

function annotationRow(a: ExportArticle, n: ExportAnnotation): string {
  return csvRow([
    a.title, a.author ?? '', a.source ?? '', a.published ?? '', n.exact, n.note, n.color, n.tags.join('; '),
    n.creator ?? '', n.createdAt, n.updatedAt, n.id, a.id
  ])
}

/** The rows of one article's live annotations. */
export function csvRows(a: ExportArticle): string {
  let out = ''
  for (const n of a.annotations) if (n.deletedAt === null) out += annotationRow(a, n)
  return out
}
