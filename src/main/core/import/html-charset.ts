import { analyse } from 'chardet'
import iconv from 'iconv-lite'

/** The encoding sniffing algorithm only looks this far for a <meta> declaration. */
export const META_PRESCAN_BYTES = 1024

/** Decoded HTML and the (WHATWG) name of the encoding it was decoded from. */
export interface DecodedHtml {
  text: string
  encoding: string
}

/** Returns the WHATWG encoding for a label, or null when Node does not know it. */
function encodingFor(label: string | null | undefined, inDocument = true): string | null {
  if (!label) return null
  try {
    const name = new TextDecoder(label.trim()).encoding
    // The spec: bytes that could be read as ASCII to find a <meta> are not UTF-16, so
    // a page declaring UTF-16 in itself means UTF-8 (a transport may say UTF-16).
    if (inDocument && (name === 'utf-16le' || name === 'utf-16be')) return 'utf-8'
    // x-user-defined means windows-1252 to every real browser.
    if (name === 'x-user-defined') return 'windows-1252'
    return name
  } catch {
    return null
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  return null
}

/**
 * A simplified version of the HTML spec's prescan: `<meta charset=…>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` within the first
 * 1024 bytes, skipping comments.
 */
export function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, META_PRESCAN_BYTES)).toString('latin1').replace(/<!--[\s\S]*?(?:-->|$)/g, '')
  const metas = head.match(/<meta[\s/][^>]*>?/gi) ?? []
  for (const meta of metas) {
    const attrs = new Map<string, string>()
    for (const m of meta.matchAll(/([^\s/>"'=]+)\s*(?:=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/g)) {
      const name = m[1].toLowerCase()
      if (!attrs.has(name)) attrs.set(name, m[2] ?? m[3] ?? m[4] ?? '')
    }
    const direct = encodingFor(attrs.get('charset'))
    if (direct) return direct
    if ((attrs.get('http-equiv') ?? '').toLowerCase() === 'content-type') {
      const fromContent = /charset\s*=\s*["']?([^"';\s]+)/i.exec(attrs.get('content') ?? '')
      const enc = encodingFor(fromContent?.[1])
      if (enc) return enc
    }
  }
  return null
}

function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Decodes an HTML file. Order, as browsers do it: byte-order mark, then the charset a
 * transport declared (HTTP Content-Type: it is what the browser obeyed when the user
 * saw the page), then `<meta>` in the first 1024 bytes, then a guess: UTF-8 when the
 * bytes are valid UTF-8, else a CJK encoding chardet is sure of, else windows-1251 or
 * KOI8-R when the bytes read as Cyrillic, else windows-1252.
 */
export function decodeHtml(bytes: Uint8Array, declaredCharset?: string | null): DecodedHtml {
  const encoding =
    bomEncoding(bytes) ?? encodingFor(declaredCharset, false) ?? metaCharset(bytes) ?? guessEncoding(bytes)
  // Node 20's TextDecoder reads "windows-1252" as ISO-8859-1 (0x80–0x9F become C1
  // controls instead of € “ ” — …), so that one goes through iconv-lite.
  const text =
    encoding === 'windows-1252'
      ? iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252')
      : // TextDecoder drops a BOM that matches the encoding, as the spec wants.
        new TextDecoder(encoding).decode(bytes)
  return { text, encoding }
}

/** chardet's multi-byte detectors are reliable; its single-byte guesses are not. */
const MULTI_BYTE = new Set(['shift_jis', 'euc-jp', 'iso-2022-jp', 'euc-kr', 'gb18030', 'gbk', 'big5'])
const CHARDET_MIN_CONFIDENCE = 50
/**
 * Words made only of non-ASCII letters are typical of Cyrillic; Western text mixes a
 * few accented letters into ASCII words ("café"), so its share stays low.
 */
const CYRILLIC_WORD_SHARE = 0.5

function guessEncoding(bytes: Uint8Array): string {
  if (isValidUtf8(bytes)) return 'utf-8'
  const best = analyse(bytes)[0]
  const name = best && best.confidence >= CHARDET_MIN_CONFIDENCE ? encodingFor(best.name) : null
  if (name && MULTI_BYTE.has(name)) return name
  return cyrillicEncoding(bytes) ?? 'windows-1252'
}

/**
 * windows-1251 or KOI8-R when the text reads as Cyrillic, else null. The two code
 * pages put upper and lower case in swapped ranges, and real prose is mostly lower
 * case, so the right one is the decoding with more lower-case letters.
 */
function cyrillicEncoding(bytes: Uint8Array): string | null {
  let best: { name: string; lower: number } | null = null
  for (const name of ['windows-1251', 'koi8-r']) {
    const text = new TextDecoder(name).decode(bytes)
    const words = text.match(/[\p{L}]+/gu) ?? []
    const nonAscii = words.filter((w) => /[^\x00-\x7f]/.test(w))
    const pure = nonAscii.filter((w) => /^\p{Script=Cyrillic}+$/u.test(w))
    if (nonAscii.length === 0 || pure.length / nonAscii.length < CYRILLIC_WORD_SHARE) continue
    const lower = (text.match(/[а-яё]/g) ?? []).length / Math.max(1, (text.match(/[а-яёА-ЯЁ]/g) ?? []).length)
    if (!best || lower > best.lower) best = { name, lower }
  }
  return best?.name ?? null
}
