/**
 * Reads a Web Annotation JSON-LD file chunk by chunk: each annotation is
 * parsed and checked as it arrives and only its normalised form is kept, so
 * memory follows the number of annotations, not the size of the file's text
 * and of its parsed tree. The checks are parse-jsonld.ts's.
 */
import type { ShareRejection } from '../../../shared/api/share'
import { ScholiaError } from '../../../shared/errors'
import type { IncomingAnnotation, IncomingArticle, SharedNotes } from './incoming'
import { JsonStream, JsonSyntaxError, type StreamedArrays } from './json-stream'
import { holderOf, idOf, MAX_FILE_ANNOTATIONS, readAnnotation, readArticleHint } from './parse-jsonld'

/** The arrays that can hold many entries, by where they sit: streamed rather than parsed whole. */
const STREAMED: StreamedArrays = (path) => {
  if (path.length === 0) return 'root'
  if (path.length === 1 && (path[0] === 'items' || path[0] === 'scholia:tombstones' || path[0] === 'scholia:articles')) return path[0]
  if (path.length === 2 && path[0] === 'first' && path[1] === 'items') return 'first.items'
  return null
}

/** Which streamed arrays hold the annotations, by the document's shape (live ones first, then tombstones). */
const ANNOTATION_ARRAYS = { root: ['root'], page: ['items'], collection: ['first.items', 'scholia:tombstones'], annotation: [] } as const

interface Read {
  annotations: IncomingAnnotation[]
  rejected: ShareRejection[]
}

function refused(e: unknown): unknown {
  if (!(e instanceof JsonSyntaxError)) return e
  if (e.notUtf8) return new ScholiaError('invalid_argument', 'not UTF-8 text and not a .scholia bundle — choose a .jsonld or .scholia export')
  return new ScholiaError('invalid_argument', `not valid JSON (${e.message.slice(0, 120)}) — the file may be damaged or not an export`)
}

/**
 * Feed it the file's bytes with `write`, then `end` checks the file's shape
 * and returns what it holds. File-level problems (not JSON, wrong shape, too
 * many annotations, an id listed twice) throw a one-line ScholiaError; a bad
 * annotation is rejected alone.
 */
export class JsonLdReader {
  private readonly stream = new JsonStream(STREAMED, (name, value) => this.element(name, value))
  private readonly lists = new Map<string, Read>()
  private readonly hints = new Map<string, IncomingArticle>()
  private entries = 0

  /** The next bytes of the file (copied unless `copy` is false: see JsonStream.write). */
  write(chunk: Uint8Array, copy = true): void {
    try {
      this.stream.write(chunk, copy)
    } catch (e) {
      throw refused(e)
    }
  }

  private element(name: string, raw: unknown): void {
    if (++this.entries > MAX_FILE_ANNOTATIONS)
      throw new ScholiaError('invalid_argument', `file holds over ${MAX_FILE_ANNOTATIONS} annotations — split the export`)
    if (name === 'scholia:articles') {
      const hint = readArticleHint(raw)
      if (hint) this.hints.set(hint.ref, hint)
      return
    }
    let list = this.lists.get(name)
    if (!list) this.lists.set(name, (list = { annotations: [], rejected: [] }))
    try {
      list.annotations.push(readAnnotation(raw))
    } catch (e) {
      list.rejected.push({ id: idOf(raw), reason: (e as Error).message })
    }
  }

  end(): SharedNotes {
    let skeleton: unknown
    try {
      skeleton = this.stream.end()
    } catch (e) {
      throw refused(e)
    }
    const holder = holderOf(skeleton)
    const out: SharedNotes = { annotations: [], articles: holder === 'collection' ? this.hints : new Map(), rejected: [] }
    const lists: Read[] = ANNOTATION_ARRAYS[holder].map((name) => this.lists.get(name) ?? { annotations: [], rejected: [] })
    if (holder === 'annotation') {
      const one: Read = { annotations: [], rejected: [] }
      try {
        one.annotations.push(readAnnotation(skeleton))
      } catch (e) {
        one.rejected.push({ id: idOf(skeleton), reason: (e as Error).message })
      }
      lists.push(one)
    }
    const seen = new Set<string>()
    for (const list of lists) {
      for (const a of list.annotations) {
        if (seen.has(a.id)) throw new ScholiaError('invalid_argument', `annotation urn:uuid:${a.id} appears twice in the file — the file is damaged; ask for a new export`)
        seen.add(a.id)
        out.annotations.push(a)
      }
      for (const r of list.rejected) out.rejected.push(r)
    }
    return out
  }
}

/** Reads a JSON-LD document held in memory (an upload, a bundle's entry). */
export function parseJsonLd(bytes: Uint8Array | string): SharedNotes {
  const r = new JsonLdReader()
  r.write(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, false)
  return r.end()
}
