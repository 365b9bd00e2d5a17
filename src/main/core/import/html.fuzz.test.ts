/**
 * Fuzzing the html importer and the import preparation behind it (detection,
 * sanitising, canonical HTML): any bytes give articles or a one-line ImportError,
 * quickly, and the stored HTML never carries anything that could run.
 */
import { describe, expect, it } from 'vitest'
import { recordFigure } from '../reliability/figures'
import { executions, fuzz, FUZZ_TIMEOUT_MS, regressionInputs, survives, unsafeParts } from '../reliability/fuzz'
import { htmlFile, mutated } from '../reliability/fuzz-inputs'
import fc from 'fast-check'
import { prepareFile } from './prepare'
import { parseHtml } from './html'

const TARGET = 'html'

async function check(bytes: Uint8Array): Promise<void> {
  await survives('parseHtml', () => parseHtml({ bytes, source: 'page.html' }))
  const docs = await survives('prepareFile', () => prepareFile(bytes, 'page.html', '/home/u/page.html'))
  for (const d of docs ?? []) expect(unsafeParts(d.article.html)).toEqual([])
}

describe('fuzzing the html importer', () => {
  it('any html file, well-formed or damaged, imports or fails with a clear error — never crashes, hangs, or stores active content', async () => {
    await fuzz(TARGET, fc.oneof(htmlFile, mutated(htmlFile)), check, 200, (bytes) => ({ bytes, ext: 'html' }))
    recordFigure(`fuzz-${TARGET}`, { executions: executions[TARGET] })
  }, FUZZ_TIMEOUT_MS)

  it.each(regressionInputs(TARGET).map((r) => [r.name, r.bytes] as const))('replays %s', async (_name, bytes) => {
    await check(bytes)
  })
})
