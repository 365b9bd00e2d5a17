/**
 * The checks of a Web Annotation JSON-LD file: a Scholia export, or another
 * tool's AnnotationCollection, AnnotationPage, single Annotation or array of
 * them. The file's shape is checked as a whole (a wrong shape refuses the
 * file); each annotation is checked on its own, and one that fails is
 * rejected with its reason while the others go on. Reading the file, element
 * by element, is read-jsonld.ts.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { MAX_NOTE_CHARS } from '../../../shared/api/annotations'
import { ScholiaError } from '../../../shared/errors'
import { COLORS } from '../../../shared/model'
import { validateTagPath } from '../tags/path'
import type { IncomingAnnotation, IncomingArticle } from './incoming'
import { plainAnnotation, plainPosition, plainQuote, type PlainLimits } from './jsonld-fast'

/** Most annotations one file may carry: ten times the benchmark's 100,000. */
export const MAX_FILE_ANNOTATIONS = 1_000_000
/** Longest quote accepted; a highlight of a whole book chapter is about this. */
export const MAX_QUOTE_CHARS = 200_000
const MAX_CONTEXT_CHARS = 1_000
const MAX_TAGS = 50
const MAX_CREATOR_CHARS = 500
const PLAIN_LIMITS: PlainLimits = { maxTags: MAX_TAGS, maxQuote: MAX_QUOTE_CHARS, maxContext: MAX_CONTEXT_CHARS }

// Unions list the shape Scholia writes first: zod tries members in order, and a
// failed try builds an issue, which on 100,000 annotations costs seconds.
const Iso = z.iso.datetime({ offset: true, message: 'must be an ISO date-time like 2024-03-16T09:30:00Z' })
const Typed = z.object({ type: z.string().optional() }).loose()
/** Schema of a TextQuoteSelector (exported for the quick pass's tests, jsonld-fast.test.ts). */
export const QuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1, 'quote is empty').max(MAX_QUOTE_CHARS, `quote is longer than ${MAX_QUOTE_CHARS} characters`),
    prefix: z.string().max(MAX_CONTEXT_CHARS).default(''),
    suffix: z.string().max(MAX_CONTEXT_CHARS).default('')
  })
  .loose()
/** Schema of a TextPositionSelector. */
export const PositionSelector = z
  .object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0, 'selector out of range: start is negative'),
    end: z.number().int().min(0, 'selector out of range: end is negative')
  })
  .loose()
  .refine((s) => s.start < s.end, 'selector out of range: start is not before end')
const Target = z
  .object({
    source: z.string().min(1).max(4_096),
    selector: z.union([z.array(Typed).max(20), Typed]).optional(),
    'scholia:article': z.string().max(200).optional()
  })
  .loose()
const Body = z.union([z.object({ type: z.string().optional(), value: z.unknown().optional(), purpose: z.string().optional() }).loose(), z.string()])
const Person = z.union([z.object({ name: z.string().optional(), nickname: z.string().optional() }).loose(), z.string()])
/** Schema of one annotation, selectors aside. */
export const AnnotationShape = z
  .object({
    id: z.string().min(1, 'annotation has no id').max(1_000),
    type: z.union([z.string(), z.array(z.string())]).refine((t) => [t].flat().includes('Annotation'), 'type is not Annotation'),
    created: Iso.optional(),
    modified: Iso.optional(),
    creator: z.union([Person, z.array(Person).max(10)]).optional(),
    body: z.union([z.array(Body).max(MAX_TAGS + 10), Body]).optional(),
    bodyValue: z.string().optional(),
    target: z.union([Target, z.array(Target).min(1).max(10)]),
    'scholia:color': z.enum(COLORS, { message: `colour must be one of ${COLORS.join(', ')}` }).optional(),
    'scholia:deleted': Iso.optional()
  })
  .loose()
const ArticleShape = z
  .object({
    id: z.string().min(1).max(200),
    title: z.string().max(10_000).nullish(),
    source: z.string().max(4_096).nullish(),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).nullish()
  })
  .loose()

const Page = z.object({ type: z.literal('AnnotationPage'), items: z.array(z.unknown()).max(MAX_FILE_ANNOTATIONS), next: z.unknown().optional() }).loose()
const Collection = z
  .object({
    type: z.union([z.string(), z.array(z.string())]).refine((t) => [t].flat().includes('AnnotationCollection')),
    first: z.union([Page, z.string()]).optional(),
    'scholia:tombstones': z.array(z.unknown()).max(MAX_FILE_ANNOTATIONS).optional(),
    'scholia:articles': z.array(z.unknown()).max(MAX_FILE_ANNOTATIONS).optional()
  })
  .loose()

/** A zod result's data, or an Error whose message is `prefix` and its first issue. */
function checked<T>(r: z.ZodSafeParseResult<T>, prefix: string): T {
  if (!r.success) throw new Error(`${prefix}${issue(r.error)}`)
  return r.data
}

function issue(e: z.ZodError): string {
  const i = e.issues[0]
  return `${i?.path.length ? `${i.path.join('.')}: ` : ''}${i?.message ?? 'invalid'}`
}

const UUID_IRI = /^urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i

/**
 * A Scholia id from an annotation IRI: the UUID of urn:uuid:…, else a UUID
 * derived from the IRI (name-based, like UUID v5), so importing another
 * tool's annotation twice finds it the second time.
 */
export function idFromIri(iri: string): string {
  const m = UUID_IRI.exec(iri)
  if (m) return m[1].toLowerCase()
  const h = createHash('sha1').update(`scholia:${iri}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`
}

const iso = (t: string): string => new Date(t).toISOString()

function creatorName(c: z.infer<typeof AnnotationShape>['creator']): string | null {
  const first = Array.isArray(c) ? c[0] : c
  const name = typeof first === 'string' ? first : (first?.name ?? first?.nickname ?? null)
  return name?.trim() ? name.trim().slice(0, MAX_CREATOR_CHARS) : null
}

/** Note and tags from the bodies: TextualBody with purpose tagging is a tag; the other textual ones make the note. */
function readBodies(a: z.infer<typeof AnnotationShape>): { note: string; tags: string[] } {
  const bodies = a.body === undefined ? [] : Array.isArray(a.body) ? a.body : [a.body]
  const notes: string[] = a.bodyValue ? [a.bodyValue] : []
  const tags: string[] = []
  for (const b of bodies) {
    if (typeof b === 'string') continue // an IRI: a resource we cannot bring in
    if (typeof b.value !== 'string') continue
    if (b.purpose === 'tagging') tags.push(b.value.trim())
    else if (b.type === undefined || b.type === 'TextualBody') notes.push(b.value)
  }
  const note = notes.join('\n\n')
  if (note.length > MAX_NOTE_CHARS) throw new Error(`note is longer than ${MAX_NOTE_CHARS} characters`)
  if (tags.length > MAX_TAGS) throw new Error(`more than ${MAX_TAGS} tags`)
  for (const t of tags) validateTagPath(t)
  return { note, tags: [...new Set(tags)] }
}

/** Checks and normalises one annotation; throws an Error whose message is the rejection reason. */
export function readAnnotation(raw: unknown): IncomingAnnotation {
  // The plain shape skips zod (see jsonld-fast.ts); anything else, and every rejection, goes through it.
  const a = plainAnnotation(raw, PLAIN_LIMITS) ? (raw as z.infer<typeof AnnotationShape>) : checked(AnnotationShape.safeParse(raw), '')
  const targets = Array.isArray(a.target) ? a.target : [a.target]
  const target = targets[0]
  const selectors = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector]
  const quoteRaw = selectors.find((s) => s.type === 'TextQuoteSelector')
  if (!quoteRaw) throw new Error('target has no TextQuoteSelector — the highlighted words are needed to place it')
  const quote = plainQuote(quoteRaw, PLAIN_LIMITS) ?? checked(QuoteSelector.safeParse(quoteRaw), 'TextQuoteSelector: ')
  const positionRaw = selectors.find((s) => s.type === 'TextPositionSelector')
  const position = positionRaw ? (plainPosition(positionRaw) ?? checked(PositionSelector.safeParse(positionRaw), 'TextPositionSelector: ')) : null
  const created = a.created ? iso(a.created) : a.modified ? iso(a.modified) : new Date(0).toISOString()
  const articleRef = target['scholia:article']
  return {
    id: idFromIri(a.id),
    articleRef: articleRef ? idFromIri(articleRef) : null,
    source: target.source,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    start: position ? position.start : null,
    end: position ? position.end : null,
    color: a['scholia:color'] ?? 'yellow',
    ...readBodies(a),
    creator: creatorName(a.creator),
    created,
    modified: a.modified ? iso(a.modified) : created,
    deleted: a['scholia:deleted'] ? iso(a['scholia:deleted']) : null
  }
}

/** The id an element claims, for naming it in a rejection. */
export function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown })?.id
  return typeof id === 'string' ? id.slice(0, 200) : null
}

/** What the file says about one of the sender's articles; null when it says nothing usable (hints only help matching). */
export function readArticleHint(raw: unknown): IncomingArticle | null {
  const r = ArticleShape.safeParse(raw)
  if (!r.success) return null
  return { ref: idFromIri(r.data.id), title: r.data.title ?? null, source: r.data.source ?? null, contentHash: r.data.contentHash ?? null }
}

/** Where the annotations of a document are, by its shape (its big arrays were streamed, so they are empty here). */
export type Holder = 'root' | 'page' | 'collection' | 'annotation'

/** Checks the document's shape (without its streamed arrays) and says which of them hold its annotations; refuses a value of no known shape. */
export function holderOf(json: unknown): Holder {
  if (Array.isArray(json)) return 'root'
  const type = (json as { type?: unknown })?.type
  const types = [type].flat()
  if (types.includes('AnnotationCollection')) {
    const c = Collection.safeParse(json)
    if (!c.success) throw new ScholiaError('invalid_argument', `not a valid AnnotationCollection (${issue(c.error)}) — export the notes again`)
    const first = c.data.first
    if (typeof first === 'string' || first?.next !== undefined)
      throw new ScholiaError('invalid_argument', 'the collection links to pages elsewhere — export it with every annotation embedded in the file')
    return 'collection'
  }
  if (types.includes('AnnotationPage')) {
    const p = Page.safeParse(json)
    if (!p.success) throw new ScholiaError('invalid_argument', `not a valid AnnotationPage (${issue(p.error)}) — export the notes again`)
    return 'page'
  }
  if (types.includes('Annotation')) return 'annotation'
  throw new ScholiaError(
    'invalid_argument',
    'not a Web Annotation file (expected an AnnotationCollection, AnnotationPage or Annotation) — choose a .jsonld export from Scholia or another annotation tool'
  )
}
