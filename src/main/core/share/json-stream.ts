/**
 * Reads a large JSON document in chunks, handing over the elements of its
 * big arrays one by one, so a file of 100,000 annotations never becomes one
 * string and one tree in memory. Only structure is scanned here (brackets,
 * strings, commas); every value is parsed by V8's own JSON.parse — each
 * element of a streamed array on its own, and the rest of the document (its
 * "skeleton", with the streamed arrays left empty) at the end. Pure-JS
 * streaming parsers tokenise every byte and are several times slower than
 * JSON.parse on a file this size; this keeps JSON.parse's speed and strictness.
 *
 * A text JSON.parse refuses is refused here too, with the same kind of
 * message; one it takes gives the same values.
 */
import { isUtf8 } from 'node:buffer'

/** Thrown for a text that is not JSON; the message says where. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    /** The bytes are not UTF-8 at all (rather than UTF-8 that is not JSON). */
    readonly notUtf8 = false
  ) {
    super(message)
  }
}

/** Decides, from the keys leading to an array, whether its elements are streamed (returns a name for them) or kept in the skeleton. */
export type StreamedArrays = (path: readonly string[]) => string | null

export type OnElement = (array: string, value: unknown) => void

const QUOTE = 0x22
const BACKSLASH = 0x5c
const WS = new Set([0x20, 0x09, 0x0a, 0x0d])
const OPEN = new Set([0x7b, 0x5b])
const CLOSE = new Set([0x7d, 0x5d])
/** Keys are only needed near the top, where the streamed arrays are. */
const MAX_KEY_DEPTH = 3

interface Frame {
  object: boolean
  /** Keys from the root to this container (array elements add none). */
  path: string[]
  /** The last key read in this object, naming the value that follows. */
  key: string | null
  expectKey: boolean
}

function parse(bytes: Buffer, what: string): unknown {
  if (!isUtf8(bytes)) throw new JsonSyntaxError(`${what} is not UTF-8 text`, true)
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch (e) {
    throw new JsonSyntaxError((e as Error).message.split('\n')[0])
  }
}

/** The index just past the string whose opening quote is at `at`, or -1 when it does not end in `buf`. */
function stringEnd(buf: Buffer, at: number): number {
  let i = at + 1
  for (;;) {
    const q = buf.indexOf(QUOTE, i)
    if (q < 0) return -1
    let slashes = 0
    for (let k = q - 1; k > at && buf[k] === BACKSLASH; k--) slashes++
    if (slashes % 2 === 0) return q + 1
    i = q + 1
  }
}

/** Where the element starting at `at` ends (exclusive), or -1 when it does not end in `buf`. */
function valueEnd(buf: Buffer, at: number, final: boolean): number {
  const c = buf[at]
  if (c === QUOTE) return stringEnd(buf, at)
  if (!OPEN.has(c)) {
    // A number or literal: runs to the next separator.
    let i = at
    while (i < buf.length && !WS.has(buf[i]) && buf[i] !== 0x2c && !CLOSE.has(buf[i]) && !OPEN.has(buf[i]) && buf[i] !== QUOTE) i++
    return i < buf.length || final ? i : -1
  }
  let depth = 0
  let i = at
  const n = buf.length
  while (i < n) {
    const b = buf[i]
    if (b === QUOTE) {
      const e = stringEnd(buf, i)
      if (e < 0) return -1
      i = e
      continue
    }
    if (b === 0x7b || b === 0x5b) depth++
    else if ((b === 0x7d || b === 0x5d) && --depth === 0) return i + 1
    i++
  }
  return -1
}

export class JsonStream {
  private buf: Buffer = Buffer.alloc(0)
  private pos = 0
  /** Start in `buf` of skeleton bytes not yet copied out; -1 inside a streamed array. */
  private skelFrom = 0
  private skeleton: Buffer[] = []
  private stack: Frame[] = []
  /** The streamed array being read, and whether an element (not a comma or the end) comes next. */
  private streaming: { name: string; needValue: boolean; first: boolean } | null = null
  private started = false
  private done = false
  private pending: Buffer[] = []
  private pendingBytes = 0
  /** Bytes to hold before scanning again (see write). */
  private need = 0

  constructor(
    private readonly streamed: StreamedArrays,
    private readonly onElement: OnElement
  ) {}

  /**
   * Takes the next bytes of the document. They are copied, so the caller may
   * reuse its buffer, unless `copy` is false (bytes the caller no longer touches).
   */
  write(chunk: Uint8Array, copy = true): void {
    this.pending.push(copy ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    this.pendingBytes += chunk.byteLength
    // A value longer than a chunk is rescanned only when the bytes held have doubled: linear work overall.
    if (this.buf.length - this.pos + this.pendingBytes < this.need) return
    this.take()
    this.scan(false)
    this.need = 2 * (this.buf.length - this.pos)
  }

  /** Finishes the document and returns its skeleton, parsed. */
  end(): unknown {
    this.take()
    this.scan(true)
    if (this.streaming || this.stack.length || !this.done) throw new JsonSyntaxError('Unexpected end of JSON input')
    this.keepSkeleton()
    for (let i = this.pos; i < this.buf.length; i++) if (!WS.has(this.buf[i])) throw new JsonSyntaxError('Unexpected non-whitespace character after JSON')
    return parse(Buffer.concat(this.skeleton), 'the file')
  }

  /** Moves the chunks written since the last scan behind the bytes not yet consumed. */
  private take(): void {
    this.keepSkeleton()
    const parts = [this.buf.subarray(this.pos), ...this.pending].filter((p) => p.length > 0)
    this.buf = parts.length === 1 ? parts[0] : Buffer.concat(parts)
    this.pending = []
    this.pendingBytes = 0
    if (this.skelFrom >= 0) this.skelFrom = 0
    this.pos = 0
  }

  /** Copies skeleton bytes up to the scan position out of `buf`, which is about to be replaced. */
  private keepSkeleton(): void {
    if (this.skelFrom >= 0 && this.pos > this.skelFrom) this.skeleton.push(Buffer.from(this.buf.subarray(this.skelFrom, this.pos)))
    if (this.skelFrom >= 0) this.skelFrom = this.pos
  }

  private scan(final: boolean): void {
    const buf = this.buf
    if (!this.started) {
      if (buf.length < 3 && !final) return
      // A byte-order mark is not part of the JSON.
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) this.pos = this.skelFrom = 3
      this.started = true
    }
    while (this.pos < buf.length) {
      const b = buf[this.pos]
      if (WS.has(b)) {
        this.pos++
        continue
      }
      if (this.streaming) {
        if (!this.element(b, final)) return
        continue
      }
      if (this.done) return // trailing bytes: end() refuses anything but whitespace
      const top = this.stack[this.stack.length - 1]
      if (b === QUOTE) {
        const e = stringEnd(buf, this.pos)
        if (e < 0) return
        if (top?.object && top.expectKey) {
          top.key = top.path.length < MAX_KEY_DEPTH ? String(parse(buf.subarray(this.pos, e), 'a key')) : ''
          top.expectKey = false
        } else this.valueDone()
        this.pos = e
      } else if (b === 0x3a) this.pos++ // ':' — order is checked by the skeleton's JSON.parse
      else if (b === 0x2c) {
        if (top?.object) top.expectKey = true
        this.pos++
      } else if (OPEN.has(b)) {
        const path = top ? (top.object ? [...top.path, top.key ?? ''] : [...top.path, '[]']) : []
        this.pos++
        const name = b === 0x5b ? this.streamed(path) : null
        if (name !== null) {
          // The skeleton keeps an empty array here; the elements go to onElement.
          this.skeleton.push(Buffer.from(buf.subarray(this.skelFrom, this.pos)))
          this.skelFrom = -1
          this.streaming = { name, needValue: true, first: true }
        } else this.stack.push({ object: b === 0x7b, path, key: null, expectKey: b === 0x7b })
      } else if (CLOSE.has(b)) {
        this.stack.pop()
        this.pos++
        this.valueDone()
      } else {
        const e = valueEnd(buf, this.pos, final)
        if (e < 0) return
        this.pos = e === this.pos ? e + 1 : e
        this.valueDone()
      }
    }
  }

  /** A value ended at this level: the document, if it was the top one. */
  private valueDone(): void {
    if (this.stack.length === 0) this.done = true
  }

  /** One step inside a streamed array at byte `b`; false when the buffer ends first. */
  private element(b: number, final: boolean): boolean {
    const s = this.streaming!
    if (!s.needValue) {
      if (b === 0x2c) s.needValue = true
      else if (b === 0x5d) this.closeStreamed()
      else throw new JsonSyntaxError(`Expected ',' or ']' after array element in JSON at position ${this.pos}`)
      if (b === 0x2c) this.pos++
      return true
    }
    if (b === 0x5d && s.first) {
      this.closeStreamed()
      return true
    }
    if (b === 0x5d || b === 0x2c) throw new JsonSyntaxError(`Unexpected token '${String.fromCharCode(b)}' in JSON at position ${this.pos}`)
    const e = valueEnd(this.buf, this.pos, final)
    if (e < 0) return false
    if (e === this.pos) throw new JsonSyntaxError(`Unexpected token in JSON at position ${this.pos}`)
    this.onElement(s.name, parse(this.buf.subarray(this.pos, e), 'an element'))
    this.pos = e
    s.needValue = false
    s.first = false
    return true
  }

  private closeStreamed(): void {
    this.streaming = null
    // The closing bracket starts the next skeleton range.
    this.skelFrom = this.pos
    this.pos++
    this.valueDone()
  }
}
