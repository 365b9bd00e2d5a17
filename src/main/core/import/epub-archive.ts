import { unzipSync, type UnzipFileInfo } from 'fflate'
import { ImportError } from './types'

/** Most a book may unpack to. Illustrated books run to tens of MB; 200 MB is generous. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024
/**
 * Deflate reaches ~1000:1 on zeros; real book files (text, images) stay under 20:1.
 * Above this ratio an entry is treated as a zip bomb…
 */
export const MAX_COMPRESSION_RATIO = 100
/** …once it is big enough to matter: small, very repetitive files can compress better. */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024
/** Entries in one archive; a book has a few hundred, thousands of tiny ones are an attack. */
export const MAX_ENTRIES = 10_000

/** Entries that carry nothing a reader shows; never inflated, to save time and memory. */
const SKIPPED = /\.(?:css|ttf|otf|woff2?|eot|mp3|mp4|m4a|ogg|webm|js|pls|smil)$/i

/**
 * Unpacks an EPUB (zip) after checking every entry's name and declared size, so that
 * nothing is inflated from an archive with a path-traversal name, more than
 * MAX_UNPACKED_BYTES in total, more than MAX_ENTRIES entries or a suspicious
 * compression ratio. fflate inflates into a buffer of the declared size, so a lying
 * size truncates the entry instead of exhausting memory.
 * @throws ImportError naming the problem.
 */
export function unpackEpub(bytes: Uint8Array): Map<string, Uint8Array> {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new ImportError('not a valid EPUB (not a zip archive) — check that the file is a complete .epub download')
  }
  let total = 0
  let count = 0
  const check = (file: UnzipFileInfo): boolean => {
    if (++count > MAX_ENTRIES) {
      throw new ImportError(`archive has over ${MAX_ENTRIES} entries — not a book; refusing to unpack it`)
    }
    if (isUnsafePath(file.name)) {
      throw new ImportError(`unsafe path in archive (${JSON.stringify(file.name.slice(0, 80))}) — the file may be malicious; get the book from another source`)
    }
    total += file.originalSize
    if (total > MAX_UNPACKED_BYTES) {
      throw new ImportError(`EPUB unpacks to over ${MAX_UNPACKED_BYTES / 1048576} MB — too large to import; split the book or remove media from it`)
    }
    // The declared compressed size can lie too; it is never more than the archive itself.
    if (file.originalSize > RATIO_CHECK_MIN_BYTES && file.originalSize / Math.max(Math.min(file.size, bytes.length), 1) > MAX_COMPRESSION_RATIO) {
      throw new ImportError(`archive entry compresses over ${MAX_COMPRESSION_RATIO}:1 (zip bomb?) — refusing to unpack it; get the book from another source`)
    }
    return !SKIPPED.test(file.name) && !file.name.endsWith('/')
  }
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, { filter: check })
  } catch (e) {
    if (e instanceof ImportError) throw e
    throw new ImportError(`not a valid EPUB (damaged zip archive: ${(e as Error).message}) — download the book again`)
  }
  return new Map(Object.entries(files))
}

/** Absolute, drive-letter or parent-relative names could write outside a target folder. */
export function isUnsafePath(name: string): boolean {
  if (/^[/\\]/.test(name) || /^[a-z]:/i.test(name) || name.includes('\0')) return true
  return name.split(/[/\\]/).some((segment) => segment === '..')
}

/**
 * Resolves an href found inside the archive entry `from` to an entry name: relative to
 * that entry's folder, percent-decoded, without fragment or query. Null when it leaves
 * the archive root or is not a relative reference.
 */
export function resolveEntry(from: string, href: string): string | null {
  const bare = href.replace(/[#?].*$/, '')
  if (bare === '' || /^[a-z][a-z0-9+.-]*:/i.test(bare) || bare.startsWith('/')) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(bare)
  } catch {
    decoded = bare
  }
  const parts = from.split('/').slice(0, -1)
  for (const segment of decoded.split('/')) {
    if (segment === '..') {
      if (parts.length === 0) return null
      parts.pop()
    } else if (segment !== '.' && segment !== '') {
      parts.push(segment)
    }
  }
  return parts.join('/')
}
