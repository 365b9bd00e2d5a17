import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

export interface MenuActions {
  importFiles(): void
  importFolder(): void
  exportNotes(): void
  setTheme(theme: 'system' | 'light' | 'dark' | 'sepia'): void
  showShortcuts(): void
}

export function buildMenu(win: BrowserWindow, actions: MenuActions): Menu {
  const theme = (t: 'system' | 'light' | 'dark' | 'sepia'): MenuItemConstructorOptions => ({
    label: t[0].toUpperCase() + t.slice(1),
    type: 'radio',
    click: () => actions.setTheme(t)
  })
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Import Files…', accelerator: 'CmdOrCtrl+O', click: () => actions.importFiles() },
        { label: 'Import Folder…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.importFolder() },
        { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => actions.exportNotes() },
        { type: 'separator' },
        { role: 'quit' }
      ]
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { role: 'resetZoom' },
        { type: 'separator' },
        { label: 'Theme', submenu: [theme('system'), theme('light'), theme('dark'), theme('sepia')] },
        { type: 'separator' },
        { role: 'togglefullscreen' }
      ]
    },
    { label: 'Help', submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', click: () => actions.showShortcuts() }] }
  ]
  void win
  return Menu.buildFromTemplate(template)
}
