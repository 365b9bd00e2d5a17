import { isAbsolute, relative, resolve, sep } from 'node:path'
import { ScholiaError } from '../../../shared/errors'

/**
 * Longest file name stem in UTF-8 bytes. File systems allow 255 bytes (ext4,
 * APFS) or 255 UTF-16 units (NTFS) per name; this leaves room for " (9999)"
 * and the extension, and keeps whole paths under Windows' 260 characters in
 * a folder of reasonable depth.
 */
export const MAX_STEM_BYTES = 150

/** Names Windows reserves for devices, with or without an extension ("CON.md" is a device too). */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i
/**
 * Characters no file name may hold somewhere: path separators, Windows'
 * forbidden set, control characters, and the ones Obsidian cannot link to
 * (# ^ [ ] |).
 */
const FORBIDDEN = /[<>:"/\\|?*#^[\]\u0000-\u001f\u007f]/g
/** Bidirectional overrides and invisible characters can make "txt.exe" look like "exe.txt". */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Cuts `s` to at most `maxBytes` of UTF-8 without splitting a character. */
function cutToBytes(s: string, maxBytes: number): string {
  if (Buffer.byteLength(s, 'utf8') <= maxBytes) return s
  let bytes = 0
  let out = ''
  for (const ch of s) {
    const n = Buffer.byteLength(ch, 'utf8')
    if (bytes + n > maxBytes) break
    bytes += n
    out += ch
  }
  return out
}

/**
 * A file name stem from a title, safe on Windows, macOS and Linux: NFC,
 * forbidden and invisible characters replaced, whitespace collapsed, no
 * leading dots (hidden files) or trailing dots and spaces (Windows drops
 * them), no reserved device names, at most MAX_STEM_BYTES.
 */
export function safeStem(title: string, fallback = 'Untitled'): string {
  let s = title.normalize('NFC').replace(INVISIBLE, '').replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim()
  s = cutToBytes(s, MAX_STEM_BYTES)
  s = s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '')
  if (!s) s = fallback
  if (RESERVED.test(s.split('.')[0])) s = `_${s}`
  return s
}

/**
 * Hands out unique file names within one folder. Uniqueness ignores case and
 * Unicode normalisation, as macOS and Windows do: "Notes.md" and "notes.md"
 * are one file there.
 */
export class FileNamer {
  private used = new Set<string>()

  /**
   * A unique name for `title` with extension `ext` ("md"): "Title.md", else
   * "Title (2).md", …
   *
   * @param isFree - whether a name may be taken beyond this export's own
   *        (e.g. no other file of that name already in the folder).
   */
  name(title: string, ext: string, isFree: (name: string) => boolean = () => true): string {
    const stem = safeStem(title)
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.${ext}` : `${stem} (${n}).${ext}`
      const key = name.normalize('NFC').toLowerCase()
      if (this.used.has(key) || !isFree(name)) continue
      this.used.add(key)
      return name
    }
  }
}

/**
 * The path of `name` inside `folder`; refuses anything that would land
 * elsewhere (a separator, "..", an absolute name), whatever produced it.
 */
export function insideFolder(folder: string, name: string): string {
  const root = resolve(folder)
  const full = resolve(root, name)
  const rel = relative(root, full)
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.includes(sep) || rel.includes('/'))
    throw new ScholiaError('invalid_argument', `file name ${JSON.stringify(name)} would leave the export folder — this is a bug; report it`)
  return full
}
