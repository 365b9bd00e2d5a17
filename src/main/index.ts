/** Electron entry: one window, one library, the core behind validated IPC. */
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { join } from 'node:path'
import { Library } from './core/library'
import { resolveLibraryPath } from './core/paths'
import { seedSamples } from './core/samples'
import { startAutoBackups, type AutoBackups } from './core/maintenance/auto-backup'
import { markLibraryOpen } from './core/maintenance/in-use'
import { createHandlers } from './core/service/handlers'
import type { Handlers } from './core/service/dispatch'
import { registerIpc } from './shell/ipc'
import { exportDialogs } from './shell/dialogs'
import { buildMenu } from './shell/menu'
import { electronNativeBinding } from './shell/native-binding'
import { createMainWindow } from './shell/window'

if (!app.requestSingleInstanceLock()) app.quit()

let win: BrowserWindow | null = null
let lib: Library | null = null
let backups: AutoBackups | null = null
/** Tells `scholia restore` the app has the library open. */
let held: { release(): void } | null = null

let handlers: Handlers | null = null

/** Files chosen in the native menu: imported as a job the window shows (progress, cancel, failures). */
async function importPaths(paths: string[]): Promise<void> {
  if (!handlers || paths.length === 0) return
  await handlers['import.paths']({ paths, tags: [] }, { transport: 'ipc' })
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath()
  try {
    lib = Library.open(resolveLibraryPath(process.env.SCHOLIA_DB), {
      createFolder: true,
      nativeBinding: electronNativeBinding(appRoot)
    })
  } catch (e) {
    dialog.showErrorBox('Scholia cannot open its library', (e as Error).message)
    app.exit(1)
    return
  }
  held = markLibraryOpen(lib.path, 'the Scholia app')
  await seedSamples(lib, join(appRoot, 'resources'))
  backups = startAutoBackups(lib)
  win = createMainWindow()
  const l = lib
  const w = win
  handlers = createHandlers(l, { version: app.getVersion(), mode: 'electron', dialogs: exportDialogs(w) })
  registerIpc(w, l, handlers)
  Menu.setApplicationMenu(
    buildMenu(w, {
      importFiles: async () => {
        const r = await dialog.showOpenDialog(w, {
          properties: ['openFile', 'multiSelections'],
          filters: [{ name: 'Articles', extensions: ['txt', 'md', 'markdown', 'html', 'htm', 'xhtml', 'epub', 'pdf'] }]
        })
        if (!r.canceled) await importPaths(r.filePaths)
      },
      importFolder: async () => {
        const r = await dialog.showOpenDialog(w, { properties: ['openDirectory'] })
        if (!r.canceled) await importPaths(r.filePaths)
      },
      exportNotes: () => l.emit('app.command', { command: 'export' }),
      setTheme: (theme) => {
        l.write(() => l.setSetting('theme', theme))
        l.emit('settings.changed', { key: 'theme', value: theme })
      },
      showShortcuts: () => l.emit('app.command', { command: 'shortcuts' })
    })
  )
}

app.on('second-instance', () => {
  if (win) {
    if (win.isMinimized()) win.restore()
    win.focus()
  }
})
app.on('window-all-closed', () => {
  backups?.stop()
  lib?.close()
  held?.release()
  app.quit()
})
app.whenReady().then(start)
