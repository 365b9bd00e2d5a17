import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { IPC_EVENT_CHANNEL, ipcChannel, methodNames } from '../../shared/api'
import type { Library } from '../core/library'
import { dispatch, type Handlers } from '../core/service/dispatch'

/** Only our own window's main frame, showing our own page, may call the core. */
function senderAllowed(e: IpcMainInvokeEvent, win: BrowserWindow): boolean {
  if (e.sender !== win.webContents || e.senderFrame !== win.webContents.mainFrame) return false
  const url = e.senderFrame?.url ?? ''
  return url.startsWith('file://') || (!!process.env.ELECTRON_RENDERER_URL && url.startsWith(process.env.ELECTRON_RENDERER_URL))
}

/** One ipcMain.handle per contract method, each validated by the same dispatcher the HTTP bridge uses. */
export function registerIpc(win: BrowserWindow, lib: Library, handlers: Handlers): () => void {
  for (const m of methodNames) {
    ipcMain.handle(ipcChannel(m), (e, args: unknown) => {
      if (!senderAllowed(e, win)) return { ok: false, error: { code: 'unauthorized', message: 'call from an unknown frame refused' } }
      return dispatch(handlers, m, args, { transport: 'ipc' })
    })
  }
  const unsubscribe = lib.subscribe((event, payload) => {
    if (!win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, { event, payload })
  })
  return () => {
    unsubscribe()
    for (const m of methodNames) ipcMain.removeHandler(ipcChannel(m))
  }
}
