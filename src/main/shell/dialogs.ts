import { dialog, type BrowserWindow } from 'electron'
import type { ExportDialogs } from '../core/service/export-handlers'

/** Electron's native choosers for the export dialog's "Choose…" (the core stays Electron-free). */
export function exportDialogs(win: BrowserWindow): ExportDialogs {
  return {
    async chooseFolder() {
      const r = await dialog.showOpenDialog(win, { title: 'Export notes into folder', properties: ['openDirectory', 'createDirectory'] })
      return r.canceled ? null : (r.filePaths[0] ?? null)
    },
    async chooseFile(defaultName, extension) {
      const r = await dialog.showSaveDialog(win, { title: 'Export notes as', defaultPath: defaultName, filters: [{ name: extension.toUpperCase(), extensions: [extension] }] })
      return r.canceled ? null : (r.filePath ?? null)
    }
  }
}
