import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

/**
 * E2E runs the real app in browser mode (`scholia serve`) in Chromium. Playwright's
 * own browser download is not available everywhere, so a system Chromium is used
 * when present: $CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's bundled one.
 */
const chromium = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run'
      ]
    },
    trace: 'retain-on-failure'
  }
})
