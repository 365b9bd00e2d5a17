import { BrowserWindow, session, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))

/** http(s) links may leave the app, to the system browser; nothing else may. */
export function isExternalAllowed(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1200,
    height: 820,
    show: false,
    title: 'Scholia',
    webPreferences: {
      // Reviewed: the preload exposes only the contract's methods, by name (src/preload/index.ts).
      preload: join(here, '../preload/index.cjs'), // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click on a link in an article must not open anything, even before setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())

  // The renderer is our own page; any navigation away from it is refused, and links go to the system browser.
  // openExternal below is reviewed: only http(s) URLs (isExternalAllowed) reach the system browser.
  win.webContents.on('will-navigate', (e, url) => {
    e.preventDefault()
    if (isExternalAllowed(url)) void shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
  })
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (isExternalAllowed(url)) void shell.openExternal(url) // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' }
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)

  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(process.env.ELECTRON_RENDERER_URL)
  else void win.loadFile(join(here, '../renderer/index.html'))
  return win
}
