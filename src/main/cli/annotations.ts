import { contract } from '../../shared/api'
import { ScholiaError } from '../../shared/errors'
import type { Annotation } from '../../shared/model'
import { createAnnotation } from '../core/annotations/create'
import { locateQuote } from '../core/annotations/quote'
import { articleText } from '../core/annotations/article-text'
import { listAnnotations } from '../core/annotations/repo'
import type { GlobalOptions } from './context'
import { emit, fail, openLibrary } from './context'

/** Options of `scholia highlight`. */
export interface HighlightOptions extends GlobalOptions {
  quote: string
  prefix?: string
  suffix?: string
  note?: string
  color?: string
  tag?: string[]
}

// Long quotes are cut in human output only; --json always carries the whole quote.
const HUMAN_QUOTE_CHARS = 80

function humanLine(a: Annotation): string {
  const quote = a.exact.replace(/\s+/g, ' ')
  const shown = quote.length > HUMAN_QUOTE_CHARS ? `${quote.slice(0, HUMAN_QUOTE_CHARS - 1)}…` : quote
  const extras = [a.orphaned ? '(orphaned)' : '', a.tags.map((t) => `#${t}`).join(' '), a.note ? `— ${a.note.replace(/\s+/g, ' ')}` : '']
  return [`${a.id}  ${a.start}-${a.end}  ${a.color.padEnd(6)}  “${shown}”`, ...extras.filter(Boolean)].join('  ')
}

/** Names a refused option the way the user typed it (`--tag`, not `tags.0`). */
function optionName(path: PropertyKey[]): string {
  const key = String(path[0] ?? 'arguments')
  return key === 'tags' ? '--tag' : key === 'articleId' ? 'ARTICLE_ID' : `--${key}`
}

/** `scholia highlight ARTICLE_ID --quote TEXT …`: highlights the quote's match and prints the annotation. */
export function highlightCommand(articleId: string, opts: HighlightOptions): number {
  if (!opts.quote) fail('--quote is empty — give the words to highlight, as they appear in the article')
  const lib = openLibrary(opts)
  try {
    const { text } = articleText(lib, articleId)
    const at = locateQuote(text, opts.quote, { prefix: opts.prefix, suffix: opts.suffix })
    if (!at)
      throw new ScholiaError('not_found', `quote not found in article ${articleId} — check the text (it must match the article exactly)`)
    const parsed = contract['annotations.create'].args.safeParse({
      articleId, ...at, color: opts.color, note: opts.note, tags: opts.tag
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      fail(`invalid ${optionName(issue?.path ?? [])} — ${issue?.message ?? 'invalid value'}`)
    }
    const annotation = createAnnotation(lib, parsed.data)
    emit(opts, annotation, humanLine(annotation))
    return 0
  } finally {
    lib.close()
  }
}

/** `scholia annotations ARTICLE_ID`: the article's annotations in reading order, orphans last. */
export function annotationsCommand(articleId: string, opts: GlobalOptions): number {
  const lib = openLibrary(opts)
  try {
    for (const a of listAnnotations(lib, articleId)) emit(opts, a, humanLine(a))
    return 0
  } finally {
    lib.close()
  }
}
