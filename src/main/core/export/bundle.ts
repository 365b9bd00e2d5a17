/**
 * The `.scholia` bundle: a zip a teammate imports to get the articles
 * themselves with their notes.
 *
 *   manifest.json       format, version, counts, who exported it and when
 *   articles.json       each article's metadata, note and tags, and its HTML entry
 *   articles/<id>.html  the article's sanitised HTML (sanitised again on import)
 *   annotations.jsonld  the annotations, tombstones included: the JSON-LD export
 *   tags.json           every tag the articles and annotations use
 */
import { toJson } from './native-json'
import { deflateRawSync } from 'node:zlib'
import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate'
import type { ExportArticle } from './rows'
import { JsonLdWriter, type CollectionInfo } from './jsonld'

export const BUNDLE_FORMAT = 'scholia-bundle'
export const BUNDLE_VERSION = 1
export const MANIFEST_ENTRY = 'manifest.json'
export const ARTICLES_ENTRY = 'articles.json'
export const ANNOTATIONS_ENTRY = 'annotations.jsonld'
export const TAGS_ENTRY = 'tags.json'
export const htmlEntry = (articleId: string): string => `articles/${articleId}.html`

/** Compression level: 6 is zlib's default balance; higher saves little on HTML for much more time. */
const LEVEL = 6
/**
 * The streamed annotations entry is deflated in JavaScript (fflate); level 1
 * is several times faster there and JSON-LD, being repetitive, still
 * shrinks about tenfold.
 */
const STREAM_LEVEL = 1

/**
 * A zip entry written whole and deflated by Node's zlib (C code), several
 * times faster than fflate's JavaScript deflate on 10,000 articles' HTML.
 * fflate computes the CRC and size over what is pushed; this only swaps the
 * compressor, as its docs describe for subclasses.
 */
class WholeDeflate extends ZipPassThrough {
  constructor(name: string) {
    super(name)
    this.compression = 8
  }

  protected override process(chunk: Uint8Array, final: boolean): void {
    if (!final) throw new Error('WholeDeflate takes its entry in one push')
    this.ondata(null, deflateRawSync(chunk, { level: LEVEL }), true)
  }
}

export interface BundleManifest {
  format: typeof BUNDLE_FORMAT
  version: number
  generator: string
  exportedAt: string
  creator: string | null
  articles: number
  annotations: number
}

/** One article's line in articles.json. */
export interface BundleArticle {
  id: string
  title: string
  author: string | null
  published: string | null
  source: string | null
  site: string | null
  format: string
  language: string | null
  contentHash: string
  note: string
  tags: string[]
  importedAt: string
  html: string
}

/** An article's line in articles.json: its details as the app has them (rows.ts), named as the bundle format names them. */
function bundleArticle(a: ExportArticle, htmlEntryName: string): BundleArticle {
  const { id, title, author, published, source, site, format, language, note, tags, importedAt } = a
  return { id, title, author, published, source, site, format, language, contentHash: a.provenance.contentHash, note, tags, importedAt, html: htmlEntryName }
}

/**
 * Writes a bundle through `write` (a file or a download). Zip entries are
 * written one after another, so the HTML of every article goes first (pass
 * one), then the annotations stream into their own entry (pass two); each
 * entry is finished before the next begins and nothing waits in memory but
 * the small metadata lists.
 */
export class BundleWriter {
  private zip: Zip
  private out: Uint8Array[] = []
  private failure: Error | null = null
  private articles: BundleArticle[] = []
  private tags = new Set<string>()
  private jsonld: JsonLdWriter | null = null
  private annotationsEntry: ZipDeflate | null = null
  private annotationCount = 0

  constructor(private readonly write: (chunk: Uint8Array) => Promise<void>) {
    this.zip = new Zip((err, chunk) => {
      if (err) this.failure = err
      else this.out.push(chunk)
    })
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure
    const chunks = this.out
    this.out = []
    for (const c of chunks) await this.write(c)
  }

  private add(name: string, text: string): void {
    const entry = new WholeDeflate(name)
    this.zip.add(entry)
    entry.push(strToU8(text), true)
  }

  /** Pass one: an article's HTML and metadata. */
  async article(a: ExportArticle): Promise<void> {
    const entry = htmlEntry(a.id)
    this.add(entry, a.html ?? '')
    this.articles.push(bundleArticle(a, entry))
    for (const t of a.tags) this.tags.add(t)
    await this.drain()
  }

  /** Pass two begins: the annotations entry opens. */
  async beginAnnotations(info: CollectionInfo): Promise<void> {
    const entry = new ZipDeflate(ANNOTATIONS_ENTRY, { level: STREAM_LEVEL })
    this.zip.add(entry)
    this.annotationsEntry = entry
    this.jsonld = new JsonLdWriter(async (s) => entry.push(strToU8(s)))
    await this.jsonld.begin(info)
    await this.drain()
  }

  /** Pass two: a batch of articles' annotations (tombstones too), as AnnotationJsonReader gives them. */
  async annotations(batch: readonly ExportArticle[], json: readonly [number, string][]): Promise<void> {
    await this.jsonld!.articles(batch, json)
    await this.drain()
  }

  /** Tags the annotations use, so tags.json lists the whole vocabulary the bundle brings. */
  addTags(tags: Iterable<string>): void {
    for (const t of tags) this.tags.add(t)
  }

  /** Closes the annotations, writes the metadata entries and the zip's directory. */
  async end(manifest: Omit<BundleManifest, 'format' | 'version' | 'annotations' | 'articles'>): Promise<{ articles: number; annotations: number }> {
    this.annotationCount = await this.jsonld!.end()
    this.annotationsEntry!.push(new Uint8Array(0), true)
    this.add(ARTICLES_ENTRY, toJson(this.articles, null, 1))
    this.add(TAGS_ENTRY, toJson([...this.tags].sort((a, b) => a.localeCompare(b))))
    const full: BundleManifest = {
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      ...manifest,
      articles: this.articles.length,
      annotations: this.annotationCount
    }
    this.add(MANIFEST_ENTRY, toJson(full, null, 2))
    this.zip.end()
    await this.drain()
    return { articles: this.articles.length, annotations: this.annotationCount }
  }
}
