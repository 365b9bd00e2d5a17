/**
 * The only door between the sandboxed renderer and the main process: one
 * function per contract method (by name, checked here), and one event stream.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { IPC_EVENT_CHANNEL, ipcChannel, isMethodName, type Transport } from '../shared/api'

const bridge: Transport = {
  call: (method, args) => {
    if (!isMethodName(method)) return Promise.resolve({ ok: false, error: { code: 'invalid_argument', message: 'unknown method' } })
    return ipcRenderer.invoke(ipcChannel(method), args)
  },
  subscribe: (listener) => {
    const handler = (_e: unknown, msg: { event: Parameters<typeof listener>[0]; payload: never }) => listener(msg.event, msg.payload)
    ipcRenderer.on(IPC_EVENT_CHANNEL, handler)
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler)
  }
}

contextBridge.exposeInMainWorld('scholia', bridge)

/**
 * Where a dropped file or folder is on disk, so drops import through import.paths
 * (folders included) instead of uploading bytes. Paths only: the renderer still
 * cannot read anything itself.
 */
contextBridge.exposeInMainWorld('scholiaFiles', { pathFor: (file: File): string => webUtils.getPathForFile(file) })
