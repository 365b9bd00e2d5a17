/**
 * The fuzz test every file importer gets: its parser and the whole import
 * preparation behind it (detection, decoding, sanitising, canonical HTML) on
 * every input, plus the saved regressions replayed. Any bytes must give articles
 * or a one-line ImportError, quickly, and the stored HTML must carry nothing
 * that could run.
 */
import type fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { prepareFile } from '../import/prepare'
import { recordFigure } from './figures'
import { executions, fuzz, FUZZ_TIMEOUT_MS, regressionInputs, survives, unsafeParts } from './fuzz'

/** One importer under fuzzing. */
export interface ImporterFuzzTarget {
  /** Names the regressions folder and the recorded figures: `html`, `pdf` … */
  target: string
  /** Name the inputs are imported under; its extension picks the importer and names saved regressions. */
  fileName: string
  /** The importer's own parser, called first (its name appears in failures). */
  parse: (input: { bytes: Uint8Array; source: string }) => unknown
  inputs: fc.Arbitrary<Uint8Array>
  /** Inputs of the short run in `npm test` (a time budget caps it too). */
  shortRuns: number
  /** A check of its own for each input (e.g. a promise of a helper the importer uses). */
  alsoCheck?: (bytes: Uint8Array) => void
}

/** Declares the importer's fuzz test and its regression replays. */
export function describeImporterFuzz(t: ImporterFuzzTarget): void {
  const ext = t.fileName.slice(t.fileName.lastIndexOf('.') + 1)
  async function check(bytes: Uint8Array): Promise<void> {
    await survives(t.parse.name || 'parse', () => t.parse({ bytes, source: t.fileName }))
    t.alsoCheck?.(bytes)
    const docs = await survives('prepareFile', () => prepareFile(bytes, t.fileName, `/home/u/${t.fileName}`))
    for (const d of docs ?? []) expect(unsafeParts(d.article.html)).toEqual([])
  }

  describe(`fuzzing the ${t.target} importer`, () => {
    it(`any ${t.target} file, well-formed or damaged, imports or fails with a clear error — never crashes, hangs, or stores active content`, async () => {
      await fuzz(t.target, t.inputs, check, t.shortRuns, (bytes) => ({ bytes, ext }))
      recordFigure(`fuzz-${t.target}`, { executions: executions[t.target] })
    }, FUZZ_TIMEOUT_MS)

    it.each(regressionInputs(t.target).map((r) => [r.name, r.bytes] as const))('replays %s', async (_name, bytes) => {
      await check(bytes)
    })
  })
}
