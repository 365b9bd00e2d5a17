/**
 * Figures of the last reliability run (kills survived, fuzz executions), written
 * to bench/.data/reliability/ for docs/RELIABILITY.md. Only written when
 * SCHOLIA_RECORD_FIGURES is set, so ordinary test runs leave no files behind.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const DIR = fileURLToPath(new URL('../../../../bench/.data/reliability/', import.meta.url))

export function recordFigure(name: string, figures: Record<string, unknown>): void {
  if (!process.env.SCHOLIA_RECORD_FIGURES) return
  mkdirSync(DIR, { recursive: true })
  writeFileSync(`${DIR}${name}.json`, `${JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2)}\n`)
}
