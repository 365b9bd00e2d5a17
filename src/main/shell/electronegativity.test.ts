/**
 * Electronegativity (Doyensec's Electron security linter) over the app's sources:
 * no high or medium finding may stand. A finding reviewed and judged safe is
 * silenced on its line with an `eng-disable` comment that says why.
 *
 * The check that downloads Electron's release list (AVAILABLE_SECURITY_FIXES) is
 * left out: tests run offline, and the Electron version is pinned in package.json.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

interface Finding {
  id: string
  file: string
  location: { line: number }
  severity: { name?: string; value?: number } | string
  description: string
}
type Run = (
  options: Record<string, unknown>,
  forCli: boolean
) => Promise<{ globalChecks: number; atomicChecks: number; issues: Finding[]; errors: { file: string; message: string; tolerable: boolean }[] }>

const require = createRequire(import.meta.url)
const SRC = fileURLToPath(new URL('../../', import.meta.url))
const ELECTRON = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies
  .electron.replace(/^[^\d]*/, '')
// Global checks are named by class, atomic ones by id.
const OFFLINE_UNFIT = ['AvailableSecurityFixesGlobalCheck']

const severityOf = (f: Finding): string => (typeof f.severity === 'string' ? f.severity : (f.severity.name ?? String(f.severity.value))).toUpperCase()

describe('Electronegativity', () => {
  it('finds nothing of high or medium severity in the app’s sources', async () => {
    const run = require('@doyensec/electronegativity') as Run
    const result = await run(
      { input: SRC, isRelative: true, electronVersionOverride: ELECTRON, customScan: [], excludeFromScan: OFFLINE_UNFIT.map((c) => c.toLowerCase()) },
      false
    )
    expect(result.atomicChecks + result.globalChecks).toBeGreaterThan(30)
    expect(result.errors.filter((e) => !e.tolerable)).toEqual([])
    const serious = result.issues.filter((f) => ['HIGH', 'MEDIUM'].includes(severityOf(f)))
    expect(serious.map((f) => `${severityOf(f)} ${f.id} ${f.file}:${f.location?.line} — ${f.description}`)).toEqual([])
  }, 120_000)
})
