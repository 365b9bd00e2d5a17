/**
 * Fetches a web page (or a PDF/EPUB/text file) for import: in the core, with Node's
 * fetch, redirects followed, a timeout, and a size cap enforced while the body
 * streams in, so a huge or endless response is cut off instead of filling memory.
 * Nothing else in Scholia uses the network.
 */
import { ImportError } from './types'
import { sniffFormat, type FormatId } from './detect'

/** How long a page may take, from the request to its last byte. */
export const URL_TIMEOUT_MS = 20_000
/** Largest response imported from the web; a saved page is far smaller. */
export const MAX_URL_BYTES = 20 * 1024 * 1024

/** Media types we know how to import, by the format that parses them. */
const BY_MEDIA_TYPE: Record<string, FormatId> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'application/pdf': 'pdf',
  'application/epub+zip': 'epub'
}

/** A fetched response, ready for the parsers. */
export interface Fetched {
  bytes: Uint8Array
  /** The address after redirects: the article's provenance. */
  url: string
  format: FormatId
  /** Charset from the Content-Type header, if any. */
  charset: string | null
}

export interface FetchOptions {
  timeoutMs?: number
  maxBytes?: number
}

const MB = 1024 * 1024

/** Parses an http(s) address typed or pasted by the user; throws a one-line ImportError otherwise. */
export function parseWebAddress(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new ImportError(`"${raw.slice(0, 100)}" is not a web address — give a full address starting with https://`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new ImportError(`only http and https addresses can be imported, not ${url.protocol} — save the file and import it instead`)
  return url
}

function contentType(header: string | null): { type: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';')
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean) ?? null
  return { type: type.trim().toLowerCase(), charset }
}

/** The format of a response: PDF and EPUB by their bytes (servers mislabel them), else by media type. */
function formatOf(type: string, bytes: Uint8Array, url: URL): FormatId {
  const sniffed = sniffFormat(bytes)
  if (sniffed === 'pdf' || sniffed === 'epub') return sniffed
  const byType = BY_MEDIA_TYPE[type]
  if (byType) return byType
  if (sniffed === 'html') return 'html'
  throw new ImportError(
    `${url.host} sent ${type || 'an unlabelled file'}, not a page, PDF, EPUB or text — open the address in a browser to see what it is`
  )
}

/** Reads the body, aborting as soon as it grows past `max` bytes. */
async function readCapped(res: Response, max: number, abort: () => void): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let size = 0
  const reader = res.body?.getReader()
  if (!reader) return new Uint8Array(0)
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.length
    if (size > max) {
      abort()
      throw tooBig(max)
    }
    chunks.push(value)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

const tooBig = (max: number): ImportError =>
  new ImportError(`the page is over the ${Math.round(max / MB)} MB limit for imports from the web — save it from a browser and import the file`)

/**
 * Fetches `address` and decides its format. Every failure is a one-line ImportError:
 * unreachable host (offline?), timeout, HTTP error status, oversize, unsupported type.
 */
export async function fetchForImport(address: string, opts: FetchOptions = {}): Promise<Fetched> {
  const url = parseWebAddress(address)
  const timeoutMs = opts.timeoutMs ?? URL_TIMEOUT_MS
  const max = opts.maxBytes ?? MAX_URL_BYTES
  const ctrl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctrl.abort()
  }, timeoutMs)
  try {
    const res = await fetch(url, { signal: ctrl.signal, redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml,application/pdf,application/epub+zip,text/plain;q=0.9,*/*;q=0.5' } })
    if (!res.ok) {
      void res.body?.cancel()
      throw new ImportError(`${url.host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} — check the address`)
    }
    const declared = Number(res.headers.get('content-length'))
    if (Number.isFinite(declared) && declared > max) {
      ctrl.abort()
      throw tooBig(max)
    }
    const bytes = await readCapped(res, max, () => ctrl.abort())
    const { type, charset } = contentType(res.headers.get('content-type'))
    const final = res.url || url.href
    return { bytes, url: final, format: formatOf(type, bytes, new URL(final)), charset }
  } catch (e) {
    if (e instanceof ImportError) throw e
    if (timedOut) throw new ImportError(`${url.host} did not answer within ${+(timeoutMs / 1000).toFixed(1)} s — check the address or try again later`)
    throw new ImportError(`cannot reach ${url.host} (offline?) — check the address or your connection`)
  } finally {
    clearTimeout(timer)
  }
}
