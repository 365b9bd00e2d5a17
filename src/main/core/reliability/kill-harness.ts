/**
 * Runs the kill test's child scripts and kills them. The children are bundled
 * once with esbuild (dependencies stay in node_modules), because starting them
 * through tsx costs a second or more each and the test starts dozens.
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { NODE_BUNDLE_OPTIONS } from './node-bundle'

const HERE = fileURLToPath(new URL('.', import.meta.url))
/**
 * Inside node_modules so the bundles' bare imports (better-sqlite3, zod …) resolve,
 * and three folders below the repository like `src/main/cli/`, so the paths the
 * CLI finds from its own location (package.json, resources/) resolve the same.
 */
const CACHE_DIR = fileURLToPath(new URL('../../../../node_modules/.cache/', import.meta.url))
const PREFIX = 'scholia-reliability-'

/** Total kills of a run: `SCHOLIA_KILLS` (the soak sets 1000), else the short run of `npm test`. */
export const KILLS = Number(process.env.SCHOLIA_KILLS ?? 50)

const outdir = join(CACHE_DIR, `${PREFIX}${process.pid}`)

/** Removes this process's bundles, and those of earlier runs that died before cleaning up. */
export function removeBundles(): void {
  rmSync(outdir, { recursive: true, force: true })
  if (!existsSync(CACHE_DIR)) return
  for (const name of readdirSync(CACHE_DIR)) {
    const pid = name.startsWith(PREFIX) ? Number(name.slice(PREFIX.length)) : NaN
    if (Number.isInteger(pid) && !alive(pid)) rmSync(join(CACHE_DIR, name), { recursive: true, force: true })
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

export interface Bundle {
  path: string | null
  /** Why the child could not be built (e.g. a module it needs is still being written). */
  skipped?: string
}

/** Bundles one child script (plus extra entry points it starts as workers), given relative to this folder. */
export async function bundle(entry: string, extra: string[] = []): Promise<Bundle> {
  const esbuild = await import('esbuild')
  mkdirSync(outdir, { recursive: true })
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n')
  try {
    await esbuild.build({
      // Flat output: a bundled worker is looked up next to the bundle that starts it.
      entryPoints: [entry, ...extra].map((e) => ({ in: join(HERE, e), out: basename(e).replace(/\.ts$/, '') })),
      outdir,
      ...NODE_BUNDLE_OPTIONS
    })
  } catch (e) {
    return { path: null, skipped: (e as Error).message.split('\n').slice(0, 3).join(' ') }
  }
  return { path: join(outdir, basename(entry).replace(/\.ts$/, '.js')) }
}

export interface ChildRun {
  lines: string[]
  killed: boolean
  /** Exit code when the child ended by itself. */
  code: number | null
  stderr: string
  ms: number
  /** Milliseconds from spawn to READY, or null if it never got there. */
  readyMs: number | null
}

/** When the kill comes: so long after spawning (start-up, migration), after READY, or after the n-th ACK line. */
export type KillAt = { after: 'spawn' | 'ready'; delayMs: number } | { after: 'acks'; count: number; delayMs: number }

/**
 * Starts `node script ...args`, SIGKILLs it at `at`, and resolves once the
 * process is gone with every complete line it printed (a line cut off by the
 * kill was never acknowledged). A child that ends first is reported as not killed.
 */
export function runAndKill(script: string, args: string[], at: KillAt): Promise<ChildRun> {
  const started = Date.now()
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: string[] = []
  let partial = ''
  let stderr = ''
  let killed = false
  let readyMs: number | null = null
  let acks = 0
  let armed = false
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) {
      killed = true
      child.kill('SIGKILL')
    }
  }
  const arm = () => {
    if (armed) return
    armed = true
    setTimeout(kill, at.delayMs)
  }
  if (at.after === 'spawn') arm()
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n')
    partial = parts.pop() ?? ''
    for (const line of parts) {
      lines.push(line)
      if (line === 'READY') {
        readyMs = Date.now() - started
        if (at.after === 'ready') arm()
      } else if (line.startsWith('ACK') && at.after === 'acks' && ++acks >= at.count) arm()
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (c: string) => (stderr += c))
  return new Promise((resolve) => {
    child.on('close', (code) => resolve({ lines, killed, code, stderr, ms: Date.now() - started, readyMs }))
  })
}
