import { closeSync, openSync, readSync } from 'node:fs'
import { resolve } from 'node:path'
import { Zip, ZipDeflate, strToU8 } from 'fflate'
import type { ExportDownload } from '../../../shared/api/export'
import { defaultFileName, MIME } from './destination'
import { FileNamer, insideFolder } from './filenames'
import { articleMarkdown } from './markdown'
import type { Pass } from './run'
import { FolderWriter, MemorySink } from './write-atomic'

/** How much of an existing file is read to tell whether it is an earlier export of the same article. */
const SNIFF_BYTES = 4096

/**
 * Whether the file at `path` may be replaced by this article's export: it does
 * not exist, or it is an earlier export of the same article (its front matter
 * names the same scholia_id). Anything else in the folder is the user's and
 * is never overwritten; the export takes the next free name instead.
 */
function replaceable(path: string, articleId: string): boolean {
  let fd: number
  try {
    fd = openSync(path, 'r')
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT'
  }
  try {
    const buf = Buffer.alloc(SNIFF_BYTES)
    const n = readSync(fd, buf, 0, SNIFF_BYTES, 0)
    return buf.subarray(0, n).toString('utf8').includes(`scholia_id: ${articleId}`)
  } finally {
    closeSync(fd)
  }
}

/**
 * Markdown export: one file per article. To a folder, all files appear at
 * once or none do (FolderWriter); for a download, one article is its .md file
 * and several are a zip of them.
 */
export async function writeMarkdownFiles(
  pass: Pass,
  template: string,
  out: string | null,
  now: string
): Promise<{ path: string | null; files: number; download: ExportDownload | null }> {
  const namer = new FileNamer()
  if (out) {
    const folder = resolve(out)
    const writer = await FolderWriter.create(folder)
    // Only a name already in the folder needs a look at the file: most are new.
    const free = (name: string, id: string) => !writer.mayExist(name) || replaceable(insideFolder(folder, name), id)
    try {
      for (const batch of pass.next()) {
        for (const a of batch) {
          const name = namer.name(a.title, 'md', (n) => free(n, a.id))
          writer.writeFile(insideFolder(folder, name), articleMarkdown(template, a))
        }
        pass.tick(batch)
        await writer.settle()
        // Lets progress events and other calls through between batches.
        await new Promise((r) => setImmediate(r))
      }
      await writer.commit()
    } catch (e) {
      await writer.abort()
      throw e
    }
    return { path: folder, files: pass.articles, download: null }
  }

  const sink = new MemorySink()
  if (pass.rowids.length === 1) {
    let name = 'Untitled.md'
    for (const batch of pass.next()) {
      for (const a of batch) {
        name = namer.name(a.title, 'md')
        await sink.write(articleMarkdown(template, a))
      }
      pass.tick(batch)
    }
    return { path: null, files: 0, download: { name, mime: MIME.md, base64: sink.bytes().toString('base64') } }
  }
  const chunks: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    chunks.push(chunk)
  })
  for (const batch of pass.next()) {
    for (const a of batch) {
      const entry = new ZipDeflate(namer.name(a.title, 'md'), { level: 6 })
      zip.add(entry)
      entry.push(strToU8(articleMarkdown(template, a)), true)
    }
    for (const c of chunks.splice(0)) await sink.write(c)
    pass.tick(batch)
  }
  zip.end()
  for (const c of chunks.splice(0)) await sink.write(c)
  return { path: null, files: 0, download: { name: defaultFileName('zip', now), mime: MIME.zip, base64: sink.bytes().toString('base64') } }
}
