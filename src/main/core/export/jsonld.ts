/**
 * W3C Web Annotation export: one AnnotationCollection whose first (and only)
 * page embeds every annotation. What the model has no term for is carried in
 * `scholia:` extension properties, which other tools ignore: the highlight
 * colour, the orphaned mark, the articles' metadata, and deleted annotations
 * (kept out of `items`, so other tools never show them, but there for a
 * Scholia importer to propagate the delete).
 *
 * Each annotation is serialised by SQLite's JSON functions straight from its
 * row: an export of 100,000 annotations then costs one string per annotation
 * in JavaScript instead of a dozen values, an object tree and a stringify.
 */
import { randomUUID } from 'node:crypto'
import type { Statement } from 'better-sqlite3'
import type { Library } from '../library'
import { toJson } from './native-json'
import type { ExportArticle } from './rows'

/** The namespace of Scholia's extension properties. */
export const SCHOLIA_NS = 'https://scholia.app/ns#'
export const JSONLD_CONTEXT = ['http://www.w3.org/ns/anno.jsonld', { scholia: SCHOLIA_NS }] as const
/** Prefix of a target source made from an article's content hash when it has no web address. */
export const HASH_SOURCE_PREFIX = 'urn:scholia:sha256:'

/** The target source of an article: its web address, else a stable name from its content hash. */
export function targetSource(a: Pick<ExportArticle, 'source' | 'provenance'>): string {
  return a.source && /^https?:\/\//i.test(a.source) ? a.source : `${HASH_SOURCE_PREFIX}${a.provenance.contentHash}`
}

export const uuidIri = (id: string): string => `urn:uuid:${id}`

const HAS_TAGS = 'EXISTS (SELECT 1 FROM annotation_tags x WHERE x.annotation_rowid = n.rowid)'
/** The tagging bodies of annotation `n`, comma-separated, in tag order (null without tags). */
const TAG_BODIES = `(SELECT group_concat('{"type":"TextualBody","value":' || json_quote(t.path) || ',"purpose":"tagging"}', ',')
    FROM (SELECT t.path FROM annotation_tags nt JOIN tags t ON t.id = nt.tag_id WHERE nt.annotation_rowid = n.rowid ORDER BY t.path) t)`

/**
 * One annotation in the Web Annotation model, written by SQLite as JSON text.
 * Every value goes through json_quote (or is a number), so the text is valid
 * JSON whatever the note or quote holds; concatenation rather than
 * json_object/json_patch because it never re-parses JSON, which halves the
 * cost on 100,000 annotations. Motivation: commenting with a note, tagging
 * with only tags, highlighting otherwise. The note is a Markdown TextualBody
 * (purpose commenting), each tag one with purpose tagging. Optional members
 * (creator, body, orphaned, deleted) are left out when empty. The source rule
 * is targetSource()'s; `@identity` is the creator of annotations made here
 * before the user set one.
 */
const ANNOTATION_JSON_SQL = `
SELECT n.deleted_at IS NOT NULL AS dead,
  '{"id":' || json_quote('urn:uuid:' || n.id)
  || ',"type":"Annotation","motivation":'
  || CASE WHEN n.note <> '' THEN '"commenting"' WHEN ${HAS_TAGS} THEN '"tagging"' ELSE '"highlighting"' END
  || ',"created":' || json_quote(n.created_at) || ',"modified":' || json_quote(n.updated_at)
  || CASE WHEN coalesce(n.creator, @identity) <> ''
       THEN ',"creator":{"type":"Person","name":' || json_quote(coalesce(n.creator, @identity)) || '}' ELSE '' END
  || CASE WHEN n.note <> '' OR ${HAS_TAGS} THEN ',"body":[' || concat_ws(',',
       CASE WHEN n.note <> '' THEN '{"type":"TextualBody","value":' || json_quote(n.note) || ',"format":"text/markdown","purpose":"commenting"}' END,
       ${TAG_BODIES}) || ']' ELSE '' END
  || ',"target":{"source":'
  || json_quote(CASE WHEN a.source LIKE 'http://%' OR a.source LIKE 'https://%' THEN a.source ELSE '${HASH_SOURCE_PREFIX}' || a.content_hash END)
  || ',"scholia:article":' || json_quote('urn:uuid:' || a.id)
  || ',"selector":[{"type":"TextQuoteSelector","exact":' || json_quote(n.exact)
  || ',"prefix":' || json_quote(n.prefix) || ',"suffix":' || json_quote(n.suffix)
  || '},{"type":"TextPositionSelector","start":' || n.start_pos || ',"end":' || n.end_pos || '}]}'
  || ',"scholia:color":' || json_quote(n.color)
  || CASE WHEN n.orphaned THEN ',"scholia:orphaned":true' ELSE '' END
  || CASE WHEN n.deleted_at IS NOT NULL THEN ',"scholia:deleted":' || json_quote(n.deleted_at) ELSE '' END
  || '}' AS json
FROM json_each(@ids) j JOIN articles a ON a.id = j.value JOIN annotations n ON n.article_id = a.id
WHERE (@tombstones OR n.deleted_at IS NULL)
ORDER BY j.key, n.deleted_at IS NOT NULL, n.orphaned, n.start_pos, n.end_pos, n.created_at, n.rowid`

/** Reads the annotations of batches of articles as Web Annotation JSON text, in reading order. */
export class AnnotationJsonReader {
  private stmt: Statement

  constructor(
    lib: Library,
    private readonly identity: string | null,
    private readonly tombstones: boolean
  ) {
    this.stmt = lib.db.prepare(ANNOTATION_JSON_SQL).raw()
  }

  read(articleIds: readonly string[]): [number, string][] {
    return this.stmt.all({ identity: this.identity, ids: toJson(articleIds), tombstones: this.tombstones ? 1 : 0 }) as [number, string][]
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
    contentHash: a.provenance.contentHash,
    tags: a.tags
  }
}

export interface CollectionInfo {
  label: string
  creator: string | null
  generated: string
}

/**
 * Streams a collection: `begin`, then `articles` per batch, then `end`. Live
 * annotations are written as they come; the tombstones and the article list,
 * which JSON can only hold in their own arrays, are kept (as text) until the
 * end — a few per article.
 */
export class JsonLdWriter {
  private count = 0
  private tombstones: string[] = []
  private articleList: string[] = []

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
    const text = toJson(head, null, 2)
    await this.write(`${text.slice(0, -2)},\n  "first": {\n    "type": "AnnotationPage",\n    "startIndex": 0,\n    "items": [`)
  }

  /** A batch of articles and their annotations' JSON (from AnnotationJsonReader). Returns how many live ones it wrote. */
  async articles(batch: readonly ExportArticle[], annotations: readonly [number, string][]): Promise<number> {
    for (const a of batch) this.articleList.push(toJson(articleJson(a)))
    const parts: string[] = []
    let live = 0
    for (const [dead, json] of annotations) {
      if (dead) this.tombstones.push(json)
      else {
        parts.push(`${this.count++ === 0 ? '' : ','}\n      ${json}`)
        live++
      }
    }
    if (parts.length) await this.write(parts.join(''))
    return live
  }

  async end(): Promise<number> {
    const list = (items: string[]) => (items.length ? `\n    ${items.join(',\n    ')}\n  ` : '')
    await this.write(
      `\n    ]\n  },\n  "total": ${this.count},\n  "scholia:tombstones": [${list(this.tombstones)}],\n  "scholia:articles": [${list(this.articleList)}]\n}\n`
    )
    return this.count
  }
}
