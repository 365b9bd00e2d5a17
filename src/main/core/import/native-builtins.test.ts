import { describe, expect, it } from 'vitest'
import { assemblePdf, pdfString } from '../testing/pdf-bytes'
import { keepNativeBuiltins } from './native-builtins'
import { parseBytes } from './parsers'

// Captured before anything in this file loads pdf.js.
const NATIVE = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString
}

function onePagePdf(text: string): Uint8Array {
  const stream = `BT /F1 12 Tf 1 0 0 1 72 700 Tm ${pdfString(text)} Tj ET`
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
      `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
      '<< /Title (Builtins) >>'
    ],
    6
  )
}

describe('keepNativeBuiltins', () => {
  it('puts back a replaced built-in and keeps an added one', () => {
    const restore = keepNativeBuiltins()
    const added = Symbol('added')
    const proto = Array.prototype as unknown as Record<PropertyKey, unknown>
    Array.prototype.push = function slowPush(this: unknown[], ...items: unknown[]) {
      return NATIVE.push.apply(this, items)
    }
    proto[added] = 1
    try {
      expect(restore()).toEqual(['Array.prototype.push'])
      expect(Array.prototype.push).toBe(NATIVE.push)
      expect(proto[added]).toBe(1)
    } finally {
      Array.prototype.push = NATIVE.push
      delete proto[added]
    }
  })

  it('leaves the process with V8\'s own built-ins after a PDF import', async () => {
    const result = await parseBytes(onePagePdf('Plain words on a page.'), 'paper.pdf', null)
    expect(result.docs[0].title).toBe('Builtins')
    expect(Array.prototype.push).toBe(NATIVE.push)
    expect(JSON.parse).toBe(NATIVE.parse)
    expect(JSON.stringify).toBe(NATIVE.stringify)
    expect(Function.prototype.toString).toBe(NATIVE.toString)
    // What pdf.js added for itself (missing from Node 20) stays.
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function')
  })
})
