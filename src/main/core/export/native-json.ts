import { runInNewContext } from 'node:vm'

/**
 * JSON.stringify as V8 ships it. pdfjs-dist's legacy build (loaded by the PDF
 * importer) installs a core-js polyfill over the global JSON.stringify that
 * is about ten times slower, which would dominate an export of 100,000
 * annotations. A fresh V8 context has the untouched built-in; it serialises
 * this realm's objects the same way.
 */
export const toJson = runInNewContext('JSON.stringify') as typeof JSON.stringify
