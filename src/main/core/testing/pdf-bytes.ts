/**
 * Hand-made PDF files for the PDF importer's tests and fuzzing: small enough to
 * read, with every byte offset computed, so a test controls exactly what the
 * parser gets (and the fuzzer can break exactly one thing).
 */

/** A PDF literal string, with its delimiters escaped. */
export const pdfString = (s: string): string => `(${s.replace(/[\\()]/g, (c) => '\\' + c)})`

/**
 * A whole PDF file from its objects (numbered from 1 in the order given):
 * header, objects, a cross-reference table of their byte offsets, and a trailer
 * whose root is object 1 and whose Info dictionary is object `info`.
 * `xrefShift` moves every offset by that many bytes (a damaged table).
 */
export function assemblePdf(objects: string[], info: number, xrefShift = 0): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets = objects.map((body, i) => {
    const at = Buffer.byteLength(out, 'latin1')
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
    return at
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  out += offsets.map((o) => `${String(o + xrefShift).padStart(10, '0')} 00000 n \n`).join('')
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return new Uint8Array(Buffer.from(out, 'latin1'))
}
