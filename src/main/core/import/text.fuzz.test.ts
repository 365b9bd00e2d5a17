/**
 * Fuzzing the plain-text importer (decoding, the digest splitter) and the whole
 * import preparation behind it: any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import { expect } from 'vitest'
import { describeImporterFuzz } from '../reliability/fuzz-importer'
import { textFile } from '../reliability/fuzz-inputs'
import { splitDigest } from './digest'
import { parseText } from './text'

describeImporterFuzz({
  target: 'text',
  fileName: 'notes.txt',
  parse: parseText,
  inputs: textFile,
  shortRuns: 300,
  // The splitter promises never to throw on any string.
  alsoCheck: (bytes) => expect(() => splitDigest(Buffer.from(bytes).toString('utf8'), { fallbackTitle: 'notes' })).not.toThrow()
})
