import { readdir, stat } from 'node:fs/promises'
import { basename, extname, join, resolve } from 'node:path'
import { MAX_IMPORT_BYTES } from '../../../shared/api/imports'
import { ImportError } from './types'
import { fetchForImport, type FetchOptions } from './fetch-url'
import { readImportFile } from './read-file'
import type { ImportItem } from './pipeline'

/** Extensions picked up when a folder is imported; other files in it are skipped. */
export const IMPORTABLE_EXTENSIONS = new Set(['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.xhtml', '.epub', '.pdf'])

/**
 * A file on disk. A class rather than an object with its own closure: a folder of
 * 100k files is 100k items held for the whole import, and every full collection of
 * the writer thread's heap walks them (47 MB with a closure per item, 37 MB so).
 */
class FileItem implements ImportItem {
  readonly source: string
  constructor(
    readonly path: string,
    readonly name: string
  ) {
    this.source = path
  }

  load(): Promise<Uint8Array> {
    return readImportFile(this.path)
  }
}

/** True for an argument that is a web address rather than a path. */
export const isWebAddress = (s: string): boolean => /^https?:\/\//i.test(s.trim())

/** A page (or PDF, EPUB, text file) on the web, fetched when the import reaches it. */
export function urlItem(address: string, opts: FetchOptions = {}): ImportItem {
  return {
    name: address.trim(),
    source: address.trim(),
    load: async () => {
      const page = await fetchForImport(address, opts)
      return { bytes: page.bytes, source: page.url, hints: { format: page.format, charset: page.charset, fetched: true } }
    }
  }
}

/**
 * Expands paths (files and folders, recursively) into import items, in a stable order.
 * Web addresses among them become URL items (the CLI takes both).
 */
export async function itemsFromPaths(paths: string[]): Promise<ImportItem[]> {
  const out: ImportItem[] = []
  for (const p of paths) {
    if (isWebAddress(p)) {
      out.push(urlItem(p))
      continue
    }
    const abs = resolve(p)
    let info
    try {
      info = await stat(abs)
    } catch {
      out.push(failingItem(p, 'no such file or folder — check the path'))
      continue
    }
    if (info.isDirectory()) await walk(abs, out)
    else out.push(new FileItem(abs, p))
  }
  return out
}

// One collator for the whole walk: localeCompare builds one per call, slow on big folders.
const byName = new Intl.Collator()

async function walk(dir: string, out: ImportItem[]): Promise<void> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byName.compare(a.name, b.name))
  for (const e of entries) {
    if (e.name.startsWith('.')) continue
    const full = join(dir, e.name)
    if (e.isDirectory()) await walk(full, out)
    else if (e.isFile() && IMPORTABLE_EXTENSIONS.has(extname(e.name).toLowerCase())) out.push(new FileItem(full, full))
  }
}

function failingItem(name: string, message: string): ImportItem {
  return {
    name,
    source: null,
    load: () => Promise.reject(new ImportError(message))
  }
}

/** Items for contents sent by the UI (drops, uploads, pastes). */
export function itemsFromContent(files: { name: string; base64: string }[]): ImportItem[] {
  return files.map((f) => ({
    name: basename(f.name),
    source: null,
    load: async () => {
      const bytes = Buffer.from(f.base64, 'base64')
      if (bytes.length > MAX_IMPORT_BYTES)
        throw new ImportError(`file is over the ${MAX_IMPORT_BYTES / 1048576} MB import limit — split it into smaller files`)
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length)
    }
  }))
}
