/** Electron entry: one window, one library, the core behind validated IPC. */
import { app, BrowserWindow, dialog, Menu } from 'electron'
import { join } from 'node:path'
import { Library } from './core/library'
import { resolveLibraryPath } from './core/paths'
import { seedSamples } from './core/samples'
import { createHandlers } from './core/service/handlers'
import { itemsFromPaths } from './core/import/items'
import { importItems } from './core/import/pipeline'
import { registerIpc } from './shell/ipc'
import { exportDialogs } from './shell/dialogs'
import { buildMenu } from './shell/menu'
import { electronNativeBinding } from './shell/native-binding'
import { createMainWindow } from './shell/window'

if (!app.requestSingleInstanceLock()) app.quit()

let win: BrowserWindow | null = null
let lib: Library | null = null

async function importPaths(paths: string[]): Promise<void> {
  if (!lib || paths.length === 0) return
  const l = lib
  const report = await importItems(l, await itemsFromPaths(paths), {
    onProgress: (p) => l.emit('import.progress', { jobId: 'menu', ...p })
  })
  l.emit('library.changed', { reason: 'import' })
  const failed = report.outcomes.filter((o) => 'error' in o)
  if (failed.length && win)
    void dialog.showMessageBox(win, {
      type: 'warning',
      message: `${failed.length} file(s) could not be imported`,
      detail: failed.map((f) => ('error' in f ? f.error : '')).join('\n')
    })
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
  await seedSamples(lib, join(appRoot, 'resources'))
  win = createMainWindow()
  const l = lib
  const w = win
  registerIpc(w, l, createHandlers(l, { version: app.getVersion(), mode: 'electron', dialogs: exportDialogs(w) }))
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
  lib?.close()
  app.quit()
})
app.whenReady().then(start)
