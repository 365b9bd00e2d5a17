import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
export const RENDERER_OUT = join(ROOT, 'out', 'renderer')
const SOURCES = [join(ROOT, 'src', 'renderer'), join(ROOT, 'src', 'shared')]

function newestMtime(dir: string): number {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

/**
 * Browser mode needs the built UI. Build it on first use (and after the sources
 * changed) so `scholia serve` works straight after `npm install`.
 */
export async function ensureRendererBuilt(): Promise<string> {
  const index = join(RENDERER_OUT, 'index.html')
  // Test harnesses build once up front; parallel servers must not rebuild over each other.
  if (process.env.SCHOLIA_SKIP_UI_BUILD && existsSync(index)) return RENDERER_OUT
  const stale = !existsSync(index) || SOURCES.some((d) => existsSync(d) && newestMtime(d) > statSync(index).mtimeMs)
  if (stale) {
    process.stderr.write('Building the Scholia UI (once, about 20 s)…\n')
    const { build } = await import('vite')
    await build({ configFile: join(ROOT, 'vite.web.config.ts'), logLevel: 'warn' })
  }
  return RENDERER_OUT
}
