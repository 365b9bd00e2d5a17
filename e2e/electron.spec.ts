import { _electron as electron, expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

function electronBinary(): string | null {
  try {
    const p = createRequire(import.meta.url)('electron') as unknown
    return typeof p === 'string' && existsSync(p) ? p : null
  } catch {
    return null
  }
}

const binary = electronBinary()

test.describe('desktop app (Electron)', () => {
  test.skip(
    !binary,
    'SKIPPED: no Electron binary on this machine (its download needs internet). The same UI and core are covered by the browser-mode specs.'
  )

  test('opens a sandboxed window on the sample library and reads an article', async () => {
    execFileSync(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--prepare-only'], { cwd: ROOT, stdio: 'inherit' })
    const dir = mkdtempSync(join(tmpdir(), 'scholia-electron-'))
    const app = await electron.launch({ args: [ROOT], env: { ...process.env, SCHOLIA_DB: join(dir, 'library.db') } })
    try {
      const win = await app.firstWindow()
      await expect(win.getByTestId('article-row').first()).toBeVisible()
      expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
      // Sandboxed, isolated, no Node: the page sees the bridge and nothing else.
      const globals = await win.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        bridge: typeof (globalThis as { scholia?: unknown }).scholia
      }))
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: 'object' })
      await win.getByTestId('article-row').first().click()
      await expect(win.getByTestId('article-title')).toBeVisible()
    } finally {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
