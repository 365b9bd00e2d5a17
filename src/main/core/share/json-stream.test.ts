import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonStream, JsonSyntaxError, type StreamedArrays } from './json-stream'

const SHARE_ARRAYS: StreamedArrays = (path) => {
  if (path.length === 0) return 'root'
  const p = path.join('.')
  return p === 'items' || p === 'first.items' || p === 'scholia:tombstones' ? p : null
}

/** Streams `text` in chunks of `size` bytes; returns the skeleton and the elements by array, or the error. */
function streamed(text: string | Buffer, size: number): { skeleton: unknown; elements: Record<string, unknown[]> } | { error: string } {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text
  const elements: Record<string, unknown[]> = {}
  const s = new JsonStream(SHARE_ARRAYS, (name, v) => (elements[name] ??= []).push(v))
  try {
    for (let i = 0; i < bytes.length; i += size) s.write(bytes.subarray(i, i + size))
    return { skeleton: s.end(), elements }
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e
    return { error: e.message }
  }
}

/** What JSON.parse makes of it, put in the same form. */
function expected(text: string | Buffer): { skeleton: unknown; elements: Record<string, unknown[]> } | null {
  let v: unknown
  try {
    const t = typeof text === 'string' ? text : text.toString('utf8')
    if (typeof text !== 'string' && Buffer.compare(Buffer.from(t), text) !== 0) return null // not UTF-8: refused
    v = JSON.parse(t.charCodeAt(0) === 0xfeff ? t.slice(1) : t)
  } catch {
    return null
  }
  const elements: Record<string, unknown[]> = {}
  const take = (name: string, arr: unknown[]) => {
    if (arr.length) elements[name] = [...arr]
    arr.length = 0
  }
  if (Array.isArray(v)) take('root', v)
  else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>
    const first = o.first as Record<string, unknown> | undefined
    if (first && typeof first === 'object' && !Array.isArray(first) && Array.isArray(first.items)) take('first.items', first.items)
    if (Array.isArray(o.items)) take('items', o.items)
    if (Array.isArray(o['scholia:tombstones'])) take('scholia:tombstones', o['scholia:tombstones'] as unknown[])
  }
  return { skeleton: v, elements }
}

describe('reading a large JSON file element by element', () => {
  it('hands over the elements of the big arrays and keeps the rest as the document', () => {
    const doc = { type: 'AnnotationCollection', label: 'a "quoted" [label] {x}', first: { type: 'AnnotationPage', items: [{ id: 'a', n: [1, 2] }, 'x\\"y', 3, null, true] }, 'scholia:tombstones': [], total: 2 }
    for (const size of [1, 2, 7, 64, 1 << 20]) {
      const r = streamed(`\ufeff ${JSON.stringify(doc, null, 2)} \n`, size)
      expect(r).toEqual({
        skeleton: { ...doc, first: { type: 'AnnotationPage', items: [] } },
        elements: { 'first.items': [{ id: 'a', n: [1, 2] }, 'x\\"y', 3, null, true] }
      })
    }
  })

  it('agrees with JSON.parse on any JSON value and any damaged text, in any chunk size', () => {
    const value = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }),
      fc.record({ first: fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 3 })) }), type: fc.string() }),
      fc.record({ items: fc.array(fc.jsonValue({ maxDepth: 3 })), 'scholia:tombstones': fc.array(fc.jsonValue({ maxDepth: 2 })) })
    )
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 40 }), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 3 }), fc.boolean(), (v, size, edits, pretty) => {
        const bytes = Buffer.from(JSON.stringify(v, null, pretty ? 1 : 0) ?? 'null')
        for (const [at, byte] of edits) if (bytes.length) bytes[at % bytes.length] = byte
        const want = expected(bytes)
        const got = streamed(bytes, size)
        if (want === null) expect(got).toHaveProperty('error')
        else expect(got).toEqual(want)
      }),
      { numRuns: 2_000 }
    )
  })

  it('refuses truncated files, trailing commas and text after the document', () => {
    for (const bad of ['{"items": [{"a": 1}, ', '[1, 2,]', '[1 2]', '{"items": [1]} x', '', '   ', '[', '{"first": {"items": [{"a": "unterminated}]}}'])
      expect(streamed(bad, 3)).toHaveProperty('error')
  })
})
