/**
 * A quick pass over an annotation in the plain shape Scholia writes, before
 * the zod schemas of parse-jsonld.ts: zod cost 1.6 s of a 100,000-annotation
 * import. Each check here accepts only what its schema accepts too, and
 * answers "not sure" (false or null) for anything else, which then goes
 * through zod — so every rejection and its message still comes from zod.
 */
import { COLORS } from '../../../shared/model'

/** Limits the schemas in parse-jsonld.ts set; the quick pass must stay within them. */
export interface PlainLimits {
  maxTags: number
  maxQuote: number
  maxContext: number
}

type Obj = Record<string, unknown>

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const optString = (v: unknown, max = Infinity): boolean => v === undefined || (typeof v === 'string' && v.length <= max)
const COLOR_SET = new Set<unknown>(COLORS)
// The form Date#toISOString writes, which is what Scholia exports; a round trip rules out dates like 02-30.
const CANONICAL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const MAX_ID_CHARS = 1_000
const MAX_SOURCE_CHARS = 4_096
const MAX_ARTICLE_REF_CHARS = 200
const MAX_SELECTORS = 20
const EXTRA_BODIES = 10

// An annotation's created and modified times are mostly the same string: the last good one is not checked again.
let lastTime = ''

function canonicalTime(v: unknown): boolean {
  if (v === undefined || v === lastTime) return true
  if (typeof v !== 'string' || !CANONICAL_TIME.test(v)) return false
  const d = new Date(v)
  if (Number.isNaN(d.getTime()) || d.toISOString() !== v) return false
  lastTime = v
  return true
}

const typed = (v: unknown): boolean => isObj(v) && optString(v.type)

function plainSelector(s: unknown): boolean {
  return s === undefined || typed(s) || (Array.isArray(s) && s.length <= MAX_SELECTORS && s.every(typed))
}

function plainBody(b: unknown): boolean {
  return typeof b === 'string' || (isObj(b) && optString(b.type) && optString(b.purpose))
}

/** True when the annotation schema surely accepts `raw` and would hand it back unchanged. */
export function plainAnnotation(raw: unknown, limits: PlainLimits): boolean {
  if (!isObj(raw)) return false
  const { id, type, creator, body, target } = raw
  if (typeof id !== 'string' || id.length < 1 || id.length > MAX_ID_CHARS || type !== 'Annotation') return false
  if (!canonicalTime(raw.created) || !canonicalTime(raw.modified) || !canonicalTime(raw['scholia:deleted'])) return false
  if (!(creator === undefined || typeof creator === 'string' || (isObj(creator) && optString(creator.name) && optString(creator.nickname)))) return false
  if (!(body === undefined || plainBody(body) || (Array.isArray(body) && body.length <= limits.maxTags + EXTRA_BODIES && body.every(plainBody)))) return false
  if (!optString(raw.bodyValue)) return false
  if (raw['scholia:color'] !== undefined && !COLOR_SET.has(raw['scholia:color'])) return false
  if (!isObj(target) || typeof target.source !== 'string' || target.source.length < 1 || target.source.length > MAX_SOURCE_CHARS) return false
  return plainSelector(target.selector) && optString(target['scholia:article'], MAX_ARTICLE_REF_CHARS)
}

/** A TextQuoteSelector's fields when the schema surely accepts it, else null. */
export function plainQuote(s: Obj, limits: PlainLimits): { exact: string; prefix: string; suffix: string } | null {
  const { exact, prefix, suffix } = s
  if (s.type !== 'TextQuoteSelector' || typeof exact !== 'string' || exact.length < 1 || exact.length > limits.maxQuote) return null
  if (!optString(prefix, limits.maxContext) || !optString(suffix, limits.maxContext)) return null
  return { exact, prefix: (prefix as string | undefined) ?? '', suffix: (suffix as string | undefined) ?? '' }
}

/** A TextPositionSelector's offsets when the schema surely accepts it, else null. */
export function plainPosition(s: Obj): { start: number; end: number } | null {
  const { start, end } = s
  if (s.type !== 'TextPositionSelector' || !Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return null
  return (start as number) >= 0 && (start as number) < (end as number) ? { start: start as number, end: end as number } : null
}
