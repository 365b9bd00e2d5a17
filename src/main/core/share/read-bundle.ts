/**
 * Reads a `.scholia` bundle (see ../export/bundle.ts) without trusting it:
 * every entry name is checked before anything is inflated (no absolute or
 * parent-relative paths), the total and per-entry sizes and the compression
 * ratio are capped (zip bombs), only the entries a bundle has are inflated,
 * and nothing is ever written to disk from it. The HTML inside is sanitised
 * again when stored (import-bundle.ts).
 */
import { strFromU8, unzipSync, type UnzipFileInfo } from 'fflate'
import { z } from 'zod'
import { ScholiaError } from '../../../shared/errors'
import { ANNOTATIONS_ENTRY, ARTICLES_ENTRY, BUNDLE_FORMAT, BUNDLE_VERSION, MANIFEST_ENTRY, TAGS_ENTRY } from '../export/bundle'
import { isUnsafePath } from '../import/epub-archive'
import { parseJsonLd } from './read-jsonld'
import type { SharedNotes } from './incoming'

/** Most a bundle may unpack to; it is held in memory while imported. */
export const MAX_BUNDLE_UNPACKED = 512 * 1024 * 1024
/** Deflate reaches ~1000:1 on zeros; HTML and JSON stay under 20:1. */
export const MAX_COMPRESSION_RATIO = 100
/** Entries small enough that their ratio says nothing. */
const RATIO_CHECK_MIN_BYTES = 1024 * 1024
/** Articles in one bundle (each is one entry) plus the few metadata entries. */
export const MAX_BUNDLE_ENTRIES = 200_000
const HTML_ENTRY = /^articles\/[0-9a-f-]{36}\.html$/
const KNOWN = new Set([MANIFEST_ENTRY, ARTICLES_ENTRY, ANNOTATIONS_ENTRY, TAGS_ENTRY])

const Manifest = z.object({ format: z.literal(BUNDLE_FORMAT), version: z.number().int().min(1) }).loose()
const Published = z.string().regex(/^\d{4}(-\d{2}(-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/)
export const BundleArticleShape = z
  .object({
    id: z.string().regex(/^[0-9a-f-]{36}$/i),
    title: z.string().max(10_000),
    author: z.string().max(1_000).nullable(),
    published: Published.nullable().catch(null),
    source: z.string().max(4_096).nullable(),
    site: z.string().max(1_000).nullable().default(null),
    format: z.string().max(50).default('html'),
    language: z.string().max(50).nullable().default(null),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    note: z.string().max(1_000_000).default(''),
    tags: z.array(z.string().max(1_000)).max(200).default([]),
    html: z.string().regex(HTML_ENTRY, 'html must name an articles/<id>.html entry')
  })
  .loose()
export type BundleArticleIn = z.infer<typeof BundleArticleShape>

export interface BundleContents {
  articles: { meta: BundleArticleIn; html: string }[]
  tags: string[]
  notes: SharedNotes
}

function bad(message: string): ScholiaError {
  return new ScholiaError('invalid_argument', message)
}

/** Unpacks the entries a bundle has, after checking each entry's name and declared size. */
function unpack(bytes: Uint8Array): Map<string, Uint8Array> {
  let total = 0
  let count = 0
  const check = (f: UnzipFileInfo): boolean => {
    if (++count > MAX_BUNDLE_ENTRIES) throw bad(`bundle has over ${MAX_BUNDLE_ENTRIES} entries — not a Scholia bundle; refusing it`)
    if (isUnsafePath(f.name))
      throw bad(`bundle holds an unsafe path (${JSON.stringify(f.name.slice(0, 80))}) — it may be malicious; refusing it`)
    const wanted = KNOWN.has(f.name) || HTML_ENTRY.test(f.name)
    if (!wanted) return false
    total += f.originalSize
    if (total > MAX_BUNDLE_UNPACKED)
      throw bad(`bundle unpacks to over ${MAX_BUNDLE_UNPACKED / 1048576} MB — too large to import; export fewer articles`)
    // The declared compressed size can lie too; it is never more than the bundle itself.
    if (f.originalSize > RATIO_CHECK_MIN_BYTES && f.originalSize / Math.max(Math.min(f.size, bytes.length), 1) > MAX_COMPRESSION_RATIO)
      throw bad(`bundle entry ${f.name} compresses over ${MAX_COMPRESSION_RATIO}:1 (a zip bomb?) — refusing it`)
    return true
  }
  try {
    // fflate inflates into a buffer of the declared size, so a lying size truncates an entry rather than exhausting memory.
    return new Map(Object.entries(unzipSync(bytes, { filter: check })))
  } catch (e) {
    if (e instanceof ScholiaError) throw e
    throw bad(`not a valid bundle (damaged zip: ${(e as Error).message}) — ask for the file again`)
  }
}

function json(entries: Map<string, Uint8Array>, name: string): unknown {
  const bytes = entries.get(name)
  if (!bytes) throw bad(`bundle has no ${name} — not a Scholia bundle, or damaged`)
  try {
    return JSON.parse(strFromU8(bytes))
  } catch {
    throw bad(`bundle's ${name} is not valid JSON — the file is damaged; ask for a new export`)
  }
}

/** Reads and checks a bundle's entries; file-level problems throw a one-line ScholiaError. */
export function readBundle(bytes: Uint8Array): BundleContents {
  const entries = unpack(bytes)
  const manifest = Manifest.safeParse(json(entries, MANIFEST_ENTRY))
  if (!manifest.success) throw bad('bundle manifest is not a Scholia bundle manifest — choose a .scholia file exported by Scholia')
  if (manifest.data.version > BUNDLE_VERSION)
    throw bad(`bundle was made by a newer Scholia (format v${manifest.data.version}) — update Scholia to import it`)
  const list = z.array(z.unknown()).safeParse(json(entries, ARTICLES_ENTRY))
  if (!list.success) throw bad(`bundle's ${ARTICLES_ENTRY} is not a list — the file is damaged`)
  const articles: BundleContents['articles'] = []
  const ids = new Set<string>()
  for (const raw of list.data) {
    const a = BundleArticleShape.safeParse(raw)
    if (!a.success) {
      const i = a.error.issues[0]
      throw bad(`bundle article ${(raw as { id?: unknown })?.id ?? '?'}: ${i.path.join('.')} ${i.message} — the file is damaged`)
    }
    const id = a.data.id.toLowerCase()
    if (ids.has(id)) throw bad(`bundle lists article ${id} twice — the file is damaged; ask for a new export`)
    ids.add(id)
    const html = entries.get(a.data.html)
    if (!html) throw bad(`bundle article ${id} has no ${a.data.html} — the file is damaged`)
    articles.push({ meta: { ...a.data, id }, html: strFromU8(html) })
  }
  const tags = z.array(z.string().max(1_000)).max(100_000).safeParse(entries.has(TAGS_ENTRY) ? json(entries, TAGS_ENTRY) : [])
  if (!tags.success) throw bad(`bundle's ${TAGS_ENTRY} is not a list of tags — the file is damaged`)
  const annotations = entries.get(ANNOTATIONS_ENTRY)
  const notes = annotations ? parseJsonLd(annotations) : { annotations: [], articles: new Map(), rejected: [] }
  return { articles, tags: tags.data, notes }
}
