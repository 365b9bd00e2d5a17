/**
 * W3C Web Annotation export: one AnnotationCollection whose first (and only)
 * page embeds every annotation. What the model has no term for is carried in
 * `scholia:` extension properties, which other tools ignore: the highlight
 * colour, the orphaned mark, the articles' metadata, and deleted annotations
 * (kept out of `items`, so other tools never show them, but there for a
 * Scholia importer to propagate the delete).
 */
import { randomUUID } from 'node:crypto'
import type { ExportAnnotation, ExportArticle } from './rows'

/** The namespace of Scholia's extension properties. */
export const SCHOLIA_NS = 'https://scholia.app/ns#'
export const JSONLD_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { scholia: SCHOLIA_NS }] as const
/** Prefix of a target source made from an article's content hash when it has no web address. */
export const HASH_SOURCE_PREFIX = 'urn:scholia:sha256:'

/** The target source of an article: its web address, else a stable name from its content hash. */
export function targetSource(a: Pick<ExportArticle, 'source' | 'contentHash'>): string {
  return a.source && /^https?:\/\//i.test(a.source) ? a.source : `${HASH_SOURCE_PREFIX}${a.contentHash}`
}

export const uuidIri = (id: string): string => `urn:uuid:${id}`

/** One annotation in the Web Annotation model. */
export function annotationJson(n: ExportAnnotation, a: ExportArticle): Record<string, unknown> {
  const body: Record<string, unknown>[] = []
  if (n.note) body.push({ type: 'TextualBody', value: n.note, format: 'text/markdown', purpose: 'commenting' })
  for (const t of n.tags) body.push({ type: 'TextualBody', value: t, purpose: 'tagging' })
  return {
    id: uuidIri(n.id),
    type: 'Annotation',
    motivation: n.note ? 'commenting' : n.tags.length ? 'tagging' : 'highlighting',
    created: n.createdAt,
    modified: n.updatedAt,
    ...(n.creator ? { creator: { type: 'Person', name: n.creator } } : {}),
    ...(body.length ? { body } : {}),
    target: {
      source: targetSource(a),
      'scholia:article': uuidIri(a.id),
      selector: [
        { type: 'TextQuoteSelector', exact: n.exact, prefix: n.prefix, suffix: n.suffix },
        { type: 'TextPositionSelector', start: n.start, end: n.end }
      ]
    },
    'scholia:color': n.color,
    ...(n.orphaned ? { 'scholia:orphaned': true } : {}),
    ...(n.deletedAt ? { 'scholia:deleted': n.deletedAt } : {})
  }
}

/** What the collection says about an article, for matching it in another library. */
export function articleJson(a: ExportArticle): Record<string, unknown> {
  return {
    id: uuidIri(a.id),
    title: a.title,
    author: a.author,
    published: a.published,
    source: a.source,
    target: targetSource(a),
    contentHash: a.contentHash,
    tags: a.tags
  }
}

export interface CollectionInfo {
  label: string
  creator: string | null
  generated: string
}

/**
 * Streams a collection: `begin`, then `article` per article (in any number of
 * batches), then `end`. Live annotations are written as they come; the
 * tombstones and the article list, which JSON can only hold in their own
 * arrays, are kept (as text) until the end — a few per article.
 */
export class JsonLdWriter {
  private count = 0
  private tombstones: string[] = []
  private articles: string[] = []

  constructor(private readonly write: (s: string) => Promise<void>) {}

  async begin(info: CollectionInfo): Promise<void> {
    const head = {
      '@context': JSONLD_CONTEXT,
      id: uuidIri(randomUUID()),
      type: 'AnnotationCollection',
      label: info.label,
      generator: { type: 'Software', name: 'Scholia' },
      generated: info.generated,
      ...(info.creator ? { creator: { type: 'Person', name: info.creator } } : {})
    }
    const text = JSON.stringify(head, null, 2)
    await this.write(`${text.slice(0, -2)},\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`)
  }

  async article(a: ExportArticle): Promise<void> {
    this.articles.push(JSON.stringify(articleJson(a)))
    const parts: string[] = []
    for (const n of a.annotations) {
      const json = JSON.stringify(annotationJson(n, a))
      if (n.deletedAt) this.tombstones.push(json)
      else parts.push(`${this.count++ === 0 ? '' : ','}\n      ${json}`)
    }
    if (parts.length) await this.write(parts.join(''))
  }

  async end(): Promise<number> {
    const list = (items: string[]) => (items.length ? `\n    ${items.join(',\n    ')}\n  ` : '')
    await this.write(
      `\n    ]\n  },\n  "total": ${this.count},\n  "scholia:tombstones": [${list(this.tombstones)}],\n  "scholia:articles": [${list(this.articles)}]\n}\n`
    )
    return this.count
  }
}
