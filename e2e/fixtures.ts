import { test as base, expect, type Page } from '@playwright/test'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'

export const ROOT = join(import.meta.dirname, '..')

export interface Served {
  url: string
  origin: string
  token: string
  dbPath: string
  proc: ChildProcess
}

/**
 * Starts the real CLI (`scholia serve`) on a new library file, as a user would,
 * and resolves once it prints its URL.
 */
export async function startServe(dbPath: string, extraEnv: Record<string, string> = {}): Promise<Served> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'serve', '--json', '--db', dbPath], {
    cwd: ROOT,
    env: { ...process.env, SCHOLIA_SKIP_UI_BUILD: '1', ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  proc.stderr!.on('data', (d) => (stderr += d))
  const line = await new Promise<string>((resolve, reject) => {
    const rl = createInterface({ input: proc.stdout! })
    rl.once('line', resolve)
    proc.once('exit', (code) => reject(new Error(`scholia serve exited with ${code}: ${stderr}`)))
  })
  const { url } = JSON.parse(line) as { url: string }
  const u = new URL(url)
  return { url, origin: u.origin, token: u.hash.replace('#token=', ''), dbPath, proc }
}

export async function stopServe(s: Served): Promise<void> {
  if (s.proc.exitCode !== null) return
  const exited = new Promise((r) => s.proc.once('exit', r))
  s.proc.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
  if (s.proc.exitCode === null) s.proc.kill('SIGKILL')
}

/** Calls the API the way the page does (for test setup and assertions). */
export async function callApi<T = unknown>(s: Served, method: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${s.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${s.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args)
  })
  const env = (await res.json()) as { ok: boolean; result?: T; error?: { message: string } }
  if (!env.ok) throw new Error(`${method}: ${env.error?.message}`)
  return env.result as T
}

interface Fixtures {
  served: Served
  /** The app opened in Chromium on a fresh library (samples seeded). */
  app: Page
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  served: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'scholia-e2e-'))
    const s = await startServe(join(dir, 'library.db'))
    await use(s)
    await stopServe(s)
    rmSync(dir, { recursive: true, force: true })
  },
  app: async ({ page, served }, use) => {
    page.on('pageerror', (e) => console.error(`[page error] ${e.message}`))
    await page.goto(served.url)
    await expect(page.getByTestId('article-row').first()).toBeVisible()
    await use(page)
  }
})

export { expect }
