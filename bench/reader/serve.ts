import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export interface BenchServer {
  url: string
  proc: ChildProcess
}

/** Starts `scholia serve` on a library file, as a user would, and resolves with its URL. */
export async function serve(dbPath: string): Promise<BenchServer> {
  const proc = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/cli.ts'), 'serve', '--json', '--db', dbPath], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stderr = ''
  proc.stderr!.on('data', (d) => (stderr += d))
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout! }).once('line', resolve)
    proc.once('exit', (code) => reject(new Error(`scholia serve exited with ${code}: ${stderr}`)))
  })
  return { url: (JSON.parse(line) as { url: string }).url, proc }
}

export async function stop(s: BenchServer): Promise<void> {
  if (s.proc.exitCode !== null) return
  const exited = new Promise((r) => s.proc.once('exit', r))
  s.proc.kill('SIGTERM')
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
  if (s.proc.exitCode === null) s.proc.kill('SIGKILL')
}

/** Calls the served API directly (benchmark setup). */
export async function callServed<T>(s: BenchServer, method: string, args: unknown): Promise<T> {
  const u = new URL(s.url)
  const token = u.hash.replace('#token=', '')
  const res = await fetch(`${u.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(args)
  })
  const env = (await res.json()) as { ok: boolean; result: T; error?: { message: string } }
  if (!env.ok) throw new Error(`${method}: ${env.error?.message}`)
  return env.result
}
