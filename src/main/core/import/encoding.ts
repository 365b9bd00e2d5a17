/**
 * Turns the bytes of a text file into a string: BOMs first, then a transport-declared
 * charset, then strict UTF-8, then legacy single-byte encodings. chardet proposes the
 * legacy candidates, but it often mixes up the Cyrillic code pages, so those are
 * re-ranked by how Russian the decoded text looks (see cyrillic-score.ts).
 */
import chardet from 'chardet'
import iconv from 'iconv-lite'
import { ImportError } from './types'
import { CYRILLIC_ENCODINGS, bestCyrillicDecoding } from './cyrillic-score'

/** Decoded text (BOM stripped, line endings normalised to \n) and the encoding used. */
export interface DecodedText {
  text: string
  encoding: string
}

const BINARY_MESSAGE =
  'binary or undecodable data — not a text file; choose a text file or re-save it as UTF-8 text'
const EMPTY_MESSAGE = 'file is empty; choose a file that contains text'

// git and grep call a file binary when a NUL byte shows up in its first 8000 bytes.
const BINARY_SNIFF_BYTES = 8000
// Text files carry tabs and newlines, but a few percent of other control characters
// means a binary format (or a wrong decoding that produced C1 controls / U+FFFD).
const MAX_CONTROL_SHARE = 0.05
// BOM-less UTF-16: in mostly-ASCII text every other byte is NUL.
const UTF16_MIN_NUL_SHARE = 0.25
const UTF16_PARITY_SHARE = 0.9
// A legacy word made only of high bytes is typical of non-Latin scripts (Cyrillic);
// Western European words mix accented letters with ASCII ones.
const NON_LATIN_WORD_SHARE = 0.5
// In Western text accented letters are scattered; long runs of them mean garbage.
const MAX_LATIN_HIGH_RUN_SHARE = 0.3
const LATIN_HIGH_RUN = 3
// Legacy text almost never forms valid UTF-8 sequences; this many, outnumbering the
// broken ones this many times, mean a damaged UTF-8 file rather than a legacy one.
const UTF8_MIN_SEQUENCES = 8
const UTF8_DAMAGE_RATIO = 10
// How sure chardet must be before its guess is used for scripts we do not score.
const CHARDET_TRUST = 50

const DISPLAY_NAMES: Record<string, string> = {
  utf8: 'UTF-8', utf16le: 'UTF-16LE', utf16be: 'UTF-16BE', windows1251: 'windows-1251',
  cp1251: 'windows-1251', koi8r: 'KOI8-R', maccyrillic: 'x-mac-cyrillic', xmaccyrillic: 'x-mac-cyrillic',
  cp866: 'IBM866', ibm866: 'IBM866', iso88591: 'ISO-8859-1', latin1: 'ISO-8859-1',
  windows1252: 'windows-1252', cp1252: 'windows-1252', iso88595: 'ISO-8859-5'
}

// Labels servers put on anything (old defaults). They only mean "some Western text",
// so detection still runs: a Russian page labelled ISO-8859-1 is read as Russian.
const WESTERN_LABELS = new Set(['iso88591', 'latin1', 'l1', 'windows1252', 'cp1252', 'usascii', 'ascii'])

const key = (label: string): string => label.toLowerCase().replace(/[^a-z0-9]/g, '')
const displayName = (label: string): string => DISPLAY_NAMES[key(label)] ?? label
/** iconv-lite knows Mac Cyrillic only as "maccyrillic". */
const iconvName = (label: string): string => (key(label) === 'xmaccyrillic' ? 'maccyrillic' : label)

/**
 * Decodes file bytes to text. `declaredCharset` (e.g. from HTTP Content-Type) is trusted
 * unless a BOM contradicts it or it claims a legacy charset for valid multi-byte UTF-8.
 * Throws ImportError for empty/whitespace-only input and for binary or undecodable data.
 */
export function decodeText(bytes: Uint8Array, declaredCharset?: string | null): DecodedText {
  if (bytes.length === 0) throw new ImportError(EMPTY_MESSAGE)
  const decoded = decodeRaw(bytes, declaredCharset ?? null)
  const unmarked = decoded.text.replace(/^\uFEFF/, '')
  // indexOf finds a character far faster than a regex scan, and most files have no CR at all.
  const text = unmarked.indexOf('\r') < 0 ? unmarked : unmarked.replace(/\r\n?/g, '\n')
  if (controlShare(text) > MAX_CONTROL_SHARE) throw new ImportError(BINARY_MESSAGE)
  if (text.trim() === '') throw new ImportError(EMPTY_MESSAGE)
  return { text, encoding: decoded.encoding }
}

function decodeRaw(bytes: Uint8Array, declared: string | null): DecodedText {
  const bom = fromBom(bytes)
  if (bom) return bom
  const westernHint = declared !== null && WESTERN_LABELS.has(key(declared))
  if (declared && !westernHint && iconv.encodingExists(iconvName(declared))) {
    const fromDeclared = decodeDeclared(bytes, declared)
    if (fromDeclared) return fromDeclared
  }
  const utf16 = bomlessUtf16(bytes)
  if (utf16) return utf16
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) throw new ImportError(BINARY_MESSAGE)
  const utf8 = strictUtf8(bytes)
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' }
  // A UTF-8 file with a few damaged bytes reads better with U+FFFD in a few places
  // than as mojibake throughout.
  if (mostlyUtf8(bytes)) return { text: decodeUtf8Lenient(bytes), encoding: 'UTF-8' }
  return decodeLegacy(bytes, westernHint ? 'windows-1252' : null)
}

function fromBom(bytes: Uint8Array): DecodedText | null {
  const [a, b, c] = bytes
  if (a === 0xef && b === 0xbb && c === 0xbf) return { text: decodeUtf8Lenient(bytes.subarray(3)), encoding: 'UTF-8' }
  if (a === 0xff && b === 0xfe) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'UTF-16LE' }
  if (a === 0xfe && b === 0xff) return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'UTF-16BE' }
  return null
}

/** A declared charset, unless the bytes prove it wrong (then detection takes over). */
function decodeDeclared(bytes: Uint8Array, declared: string): DecodedText | null {
  const k = key(declared)
  const utf8 = strictUtf8(bytes)
  if (k === 'utf8') return utf8 === null ? null : { text: utf8, encoding: 'UTF-8' }
  // Servers often label UTF-8 pages as ISO-8859-1; valid multi-byte UTF-8 is
  // practically never produced by chance from legacy text, so it wins.
  if (utf8 !== null && /[^\x00-\x7f]/.test(utf8) && !k.startsWith('utf')) return { text: utf8, encoding: 'UTF-8' }
  return { text: iconv.decode(Buffer.from(bytes), iconvName(declared)), encoding: displayName(declared) }
}

function bomlessUtf16(bytes: Uint8Array): DecodedText | null {
  const sample = bytes.subarray(0, BINARY_SNIFF_BYTES & ~1)
  // Most files have no NUL at all: one native search instead of a loop over every byte.
  if (sample.indexOf(0) < 0) return null
  let even = 0
  let odd = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue
    if (i % 2 === 0) even++
    else odd++
  }
  const units = sample.length / 2
  if (units === 0 || (even + odd) / units < UTF16_MIN_NUL_SHARE) return null
  if (odd / (even + odd) >= UTF16_PARITY_SHARE) return { text: iconv.decode(Buffer.from(bytes), 'utf16le'), encoding: 'UTF-16LE' }
  if (even / (even + odd) >= UTF16_PARITY_SHARE) return { text: iconv.decode(Buffer.from(bytes), 'utf16be'), encoding: 'UTF-16BE' }
  return null
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes)
  } catch {
    return null
  }
}
const decodeUtf8Lenient = (bytes: Uint8Array): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)

/** Many well-formed multi-byte UTF-8 sequences and few stray high bytes. */
function mostlyUtf8(bytes: Uint8Array): boolean {
  let valid = 0
  let invalid = 0
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b < 0x80) continue
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0
    let ok = len > 0 && i + len <= bytes.length
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80
    if (ok) {
      valid++
      i += len - 1
    } else invalid++
  }
  return valid >= UTF8_MIN_SEQUENCES && valid >= UTF8_DAMAGE_RATIO * invalid
}

/**
 * Bytes that are not UTF-8: pick a Cyrillic or Western code page, or give up.
 * `westernHint` replaces chardet's choice of Western code page (a declared label).
 */
function decodeLegacy(bytes: Uint8Array, westernHint: string | null): DecodedText {
  const guesses = chardet.analyse(bytes).filter((g) => iconv.encodingExists(iconvName(g.name)))
  if (nonLatinWordShare(bytes) >= NON_LATIN_WORD_SHARE) {
    const cyr = bestCyrillicDecoding(bytes, guesses.map((g) => g.name))
    if (cyr) return { text: cyr.text, encoding: displayName(cyr.encoding) }
    const top = guesses.find((g) => !CYRILLIC_ENCODINGS.includes(displayName(g.name)))
    if (top && top.confidence >= CHARDET_TRUST) return { text: iconv.decode(Buffer.from(bytes), iconvName(top.name)), encoding: top.name }
    throw new ImportError(BINARY_MESSAGE)
  }
  const latin = guesses.find((g) => /^(ISO-8859-(1|2|9|15)|windows-125[0247])$/i.test(g.name))
  let name = westernHint ?? latin?.name ?? 'windows-1252'
  // ISO-8859-1 bytes 0x80–0x9F are C1 controls nobody types; they are windows-1252.
  if (/^ISO-8859-1$/i.test(name) && bytes.some((b) => b >= 0x80 && b <= 0x9f)) name = 'windows-1252'
  const text = iconv.decode(Buffer.from(bytes), name)
  if (latinHighRunShare(text) > MAX_LATIN_HIGH_RUN_SHARE) throw new ImportError(BINARY_MESSAGE)
  return { text, encoding: displayName(name) }
}

/** Share of words with high bytes that consist only of high bytes (bytes, not chars). */
function nonLatinWordShare(bytes: Uint8Array): number {
  let withHigh = 0
  let onlyHigh = 0
  let len = 0
  let high = 0
  const flush = (): void => {
    if (high > 0) {
      withHigh++
      if (high === len && len >= 2) onlyHigh++
    }
    len = 0
    high = 0
  }
  for (const b of bytes) {
    const asciiLetter = (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)
    if (b >= 0x80) {
      len++
      high++
    } else if (asciiLetter) len++
    else flush()
  }
  flush()
  return withHigh === 0 ? 0 : onlyHigh / withHigh
}

/** Share of non-ASCII characters that sit in runs of LATIN_HIGH_RUN or more. */
function latinHighRunShare(text: string): number {
  let total = 0
  let inRuns = 0
  for (const run of text.match(/[^\x00-\x7f\s]+/g) ?? []) {
    total += run.length
    if (run.length >= LATIN_HIGH_RUN) inRuns += run.length
  }
  return total === 0 ? 0 : inRuns / total
}

/** Share of characters that no text file contains: C0/C1 controls and U+FFFD. */
function controlShare(text: string): number {
  if (text.length === 0) return 0
  const bad = text.match(/[\x00-\x08\x0e-\x1f\x7f-\x9f\uFFFD]/g)
  return (bad?.length ?? 0) / text.length
}
