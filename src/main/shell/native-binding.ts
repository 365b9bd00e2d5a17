import { existsSync } from 'node:fs'
import { join } from 'node:path'

/**
 * better-sqlite3 is compiled for Node in node_modules (tests, CLI). The desktop
 * app loads a copy compiled for Electron's ABI, which `npm start` prepares under
 * .native/ (see scripts/start.mjs), so neither build ever overwrites the other.
 */
export function electronNativeBinding(appRoot: string): string | undefined {
  const candidate = join(appRoot, '.native', `electron-${process.versions.electron}`, 'better_sqlite3.node')
  return existsSync(candidate) ? candidate : undefined
}
