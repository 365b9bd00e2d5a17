import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_NAME = 'Scholia'
export const LIBRARY_FILE = 'library.db'

/**
 * The folder Electron's `app.getPath('userData')` returns for this app, computed
 * without Electron so the CLI and the desktop app open the same library.
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME)
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_NAME)
}

/** `--db` wins, then SCHOLIA_DB, then the app-data default. */
export function resolveLibraryPath(explicit?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return explicit || env.SCHOLIA_DB || join(userDataDir(env), LIBRARY_FILE)
}
