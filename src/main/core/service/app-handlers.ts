import type { Handlers } from './dispatch'
import type { Library } from '../library'
import { articleCount } from '../articles/repo'
import type { ExportDialogs } from './export-handlers'

export interface HostInfo {
  version: string
  mode: 'electron' | 'browser'
  /** Native save/folder choosers (the Electron shell); absent in browser mode and the CLI. */
  dialogs?: ExportDialogs
}

export function appHandlers(lib: Library, host: HostInfo): Pick<Handlers, 'app.info' | 'settings.get' | 'settings.set'> {
  return {
    'app.info': () => ({ version: host.version, libraryPath: lib.path, mode: host.mode, articleCount: articleCount(lib) }),
    'settings.get': () => {
      const rows = lib.db.prepare("SELECT key, value FROM settings WHERE key NOT LIKE '\\_%' ESCAPE '\\'").all() as {
        key: string
        value: string
      }[]
      return Object.fromEntries(rows.map((r) => [r.key, r.value]))
    },
    'settings.set': ({ key, value }) => lib.write(() => lib.setSetting(key, value))
  }
}
