/**
 * Bundles the import benchmark's child (and the import worker it starts) with esbuild,
 * in chunks as the app ships them, so the child runs on plain Node: under tsx every worker thread
 * would also run a module-hooks thread and compile TypeScript, which adds to the CPU
 * time and the RSS being measured but not to the app's.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NODE_BUNDLE_OPTIONS } from '../../src/main/core/reliability/node-bundle'

/** Inside node_modules so the bundle's bare imports (better-sqlite3 …) resolve. */
const OUT_DIR = fileURLToPath(new URL(`../../node_modules/.cache/scholia-bench/${process.pid}/`, import.meta.url))
const WORKER = fileURLToPath(new URL('../../src/main/core/import/prepare-worker.ts', import.meta.url))

/** Builds `entry` (with the import worker beside it) and returns the bundle's path and a cleanup. */
export async function bundleChild(entry: string): Promise<{ path: string; remove(): void }> {
  const esbuild = await import('esbuild')
  mkdirSync(OUT_DIR, { recursive: true })
  writeFileSync(join(OUT_DIR, 'package.json'), '{ "type": "module" }\n')
  await esbuild.build({
    // Flat output: the pool looks for prepare-worker.js next to the code that starts it.
    entryPoints: [
      { in: entry, out: 'child' },
      { in: WORKER, out: 'prepare-worker' }
    ],
    outdir: OUT_DIR,
    ...NODE_BUNDLE_OPTIONS,
    // Parsers other than plain text are imported on first use; as separate chunks they stay unloaded, as in the app.
    splitting: true
  })
  return { path: join(OUT_DIR, 'child.js'), remove: () => rmSync(OUT_DIR, { recursive: true, force: true }) }
}
