/**
 * Fuzzing the plain-text importer (decoding, the digest splitter) and the whole
 * import preparation behind it: any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import { describe, expect, it } from 'vitest'
import { recordFigure } from '../reliability/figures'
import { executions, fuzz, FUZZ_TIMEOUT_MS, regressionInputs, survives, unsafeParts } from '../reliability/fuzz'
import { textFile } from '../reliability/fuzz-inputs'
import { splitDigest } from './digest'
import { prepareFile } from './prepare'
import { parseText } from './text'

const TARGET = 'text'

async function check(bytes: Uint8Array): Promise<void> {
  await survives('parseText', () => parseText({ bytes, source: 'notes.txt' }))
  const text = Buffer.from(bytes).toString('utf8')
  // The splitter promises never to throw on any string.
  expect(() => splitDigest(text, { fallbackTitle: 'notes' })).not.toThrow()
  const docs = await survives('prepareFile', () => prepareFile(bytes, 'notes.txt', '/home/u/notes.txt'))
  for (const d of docs ?? []) expect(unsafeParts(d.article.html)).toEqual([])
}

describe('fuzzing the text importer', () => {
  it('any text file imports or fails with a clear error, never crashes, hangs, or stores active content', async () => {
    await fuzz(TARGET, textFile, check, 300, (bytes) => ({ bytes, ext: 'txt' }))
    recordFigure(`fuzz-${TARGET}`, { executions: executions[TARGET] })
  }, FUZZ_TIMEOUT_MS)

  it.each(regressionInputs(TARGET).map((r) => [r.name, r.bytes] as const))('replays %s', async (_name, bytes) => {
    await check(bytes)
  })
})
