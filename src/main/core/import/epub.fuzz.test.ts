/**
 * Fuzzing the epub importer and the import preparation behind it (detection,
 * sanitising, canonical HTML): any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import { describe, expect, it } from 'vitest'
import { recordFigure } from '../reliability/figures'
import { executions, fuzz, FUZZ_TIMEOUT_MS, regressionInputs, survives, unsafeParts } from '../reliability/fuzz'
import { epubFile, mutated } from '../reliability/fuzz-inputs'
import fc from 'fast-check'
import { prepareFile } from './prepare'
import { parseEpub } from './epub'

const TARGET = 'epub'

async function check(bytes: Uint8Array): Promise<void> {
  await survives('parseEpub', () => parseEpub({ bytes, source: 'book.epub' }))
  const docs = await survives('prepareFile', () => prepareFile(bytes, 'book.epub', '/home/u/book.epub'))
  for (const d of docs ?? []) expect(unsafeParts(d.article.html)).toEqual([])
}

describe('fuzzing the epub importer', () => {
  it('any epub file, well-formed or damaged, imports or fails with a clear error — never crashes, hangs, or stores active content', async () => {
    await fuzz(TARGET, fc.oneof(epubFile, mutated(epubFile)), check, 150, (bytes) => ({ bytes, ext: 'epub' }))
    recordFigure(`fuzz-${TARGET}`, { executions: executions[TARGET] })
  }, FUZZ_TIMEOUT_MS)

  it.each(regressionInputs(TARGET).map((r) => [r.name, r.bytes] as const))('replays %s', async (_name, bytes) => {
    await check(bytes)
  })
})
