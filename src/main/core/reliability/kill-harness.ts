/**
 * Runs the kill test's child scripts and kills them. The children are bundled
 * once with esbuild (dependencies stay in node_modules), because starting them
 * through tsx costs a second or more each and the test starts dozens.
 */
import { spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = fileURLToPath(new URL('.', import.meta.url))
/** Inside node_modules so the bundles' bare imports (better-sqlite3, zod …) resolve. */
const OUT_DIR = fileURLToPath(new URL('../../../../node_modules/.cache/scholia-reliability/', import.meta.url))

/** Total kills of a run: `SCHOLIA_KILLS` (the soak sets 1000), else the short run of `npm test`. */
export const KILLS = Number(process.env.SCHOLIA_KILLS ?? 60)

const outdir = join(OUT_DIR, `${process.pid}`)

/** Removes this process's bundles. */
export function removeBundles(): void {
  rmSync(outdir, { recursive: true, force: true })
}

export interface Bundle {
  path: string | null
  /** Why the child could not be built (e.g. a module it needs is still being written). */
  skipped?: string
}

/** Bundles one child script (plus extra entry points it starts as workers) into OUT_DIR. */
export async function bundle(entry: string, extra: string[] = []): Promise<Bundle> {
  const esbuild = await import('esbuild')
  mkdirSync(outdir, { recursive: true })
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n')
  try {
    await esbuild.build({
      entryPoints: [join(HERE, entry), ...extra.map((e) => join(HERE, e))],
      outdir,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
      // Bundled CommonJS dependencies call require(); give ESM output one.
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
    })
  } catch (e) {
    return { path: null, skipped: (e as Error).message.split('\n').slice(0, 3).join(' ') }
  }
  return { path: join(outdir, entry.replace(/\.ts$/, '.js').replace(/^.*\//, '')) }
}

export interface ChildRun {
  lines: string[]
  killed: boolean
  /** Exit code when the child ended by itself. */
  code: number | null
  stderr: string
  ms: number
}

/**
 * Starts `node script ...args` and SIGKILLs it `killAfterMs` after it printed
 * READY (or, with `beforeReady`, that long after spawning — a kill during start-up
 * and migration). Resolves once the process is gone, with every line it printed.
 */
export function runAndKill(script: string, args: string[], killAfterMs: number, beforeReady = false): Promise<ChildRun> {
  const started = Date.now()
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let partial = ''
  let stderr = ''
  let killed = false
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) {
      killed = true
      child.kill('SIGKILL')
    }
  }
  if (beforeReady) setTimeout(kill, killAfterMs)
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    for (const line of parts) {
      lines.push(line)
      if (line === 'READY' && !beforeReady) setTimeout(kill, killAfterMs)
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (c: string) => (stderr += c))
  return new Promise((resolve) => {
    child.on('close', (code) => {
      // A line cut off by the kill was never acknowledged.
      resolve({ lines, killed, code, stderr, ms: Date.now() - started })
    })
  })
}
