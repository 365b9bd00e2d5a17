/**
 * The Electron security checklist, item by item, against the real shell code:
 * the window's web preferences, navigation and new-window handling, permission
 * requests, IPC sender checks, the preload's surface, the renderer's CSP, and a
 * scan of the sources for the settings that must never appear.
 * (https://www.electronjs.org/docs/latest/tutorial/security)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../bridge/security'

const electron = vi.hoisted(() => {
  const state = {
    windowOptions: null as null | { webPreferences: Record<string, unknown> },
    webContents: { on: vi.fn(), setWindowOpenHandler: vi.fn(), send: vi.fn(), mainFrame: { url: 'file:///app/out/renderer/index.html' } },
    permissionRequest: vi.fn(),
    permissionCheck: vi.fn(),
    openExternal: vi.fn(async () => {}),
    handlers: new Map<string, (e: unknown, args: unknown) => unknown>()
  }
  class BrowserWindow {
    webContents = state.webContents
    constructor(opts: { webPreferences: Record<string, unknown> }) {
      state.windowOptions = opts
    }
    once() {}
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
    isDestroyed() {
      return false
    }
  }
  return {
    state,
    module: {
      BrowserWindow,
      shell: { openExternal: state.openExternal },
      session: { defaultSession: { setPermissionRequestHandler: state.permissionRequest, setPermissionCheckHandler: state.permissionCheck } },
      ipcMain: { handle: (ch: string, fn: (e: unknown, args: unknown) => unknown) => state.handlers.set(ch, fn), removeHandler: vi.fn() }
    }
  }
})
vi.mock('electron', () => ({ ...electron.module, default: electron.module }))

const { createMainWindow } = await import('./window')
const { registerIpc } = await import('./ipc')

const SRC = fileURLToPath(new URL('../../', import.meta.url))
const state = electron.state

function handler<T>(mock: { mock: { calls: unknown[][] } }, event?: string): T {
  const call = event ? mock.mock.calls.find((c) => c[0] === event) : mock.mock.calls[0]
  expect(call, `no ${event ?? 'handler'} registered`).toBeDefined()
  return call![event ? 1 : 0] as T
}

beforeEach(() => {
  vi.clearAllMocks()
  createMainWindow()
})

describe('Electron window hardening', () => {
  it('isolates and sandboxes the renderer, without Node, with web security on', () => {
    const prefs = state.windowOptions!.webPreferences
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
    expect(prefs.webSecurity).not.toBe(false)
    expect(prefs.allowRunningInsecureContent).not.toBe(true)
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true)
    expect(prefs.experimentalFeatures).not.toBe(true)
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(String(prefs.disableBlinkFeatures)).toContain('Auxclick')
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
  })

  it('refuses every navigation, sending only http(s) links to the system browser', () => {
    const onNavigate = handler<(e: { preventDefault(): void }, url: string) => void>(state.webContents.on, 'will-navigate')
    for (const [url, external] of [
      ['https://example.org/article', true],
      ['http://example.org/', true],
      ['file:///etc/passwd', false],
      ['javascript:alert(1)', false],
      ['smb://evil.example/share', false],
      ['scholia://x', false],
      ['file:///app/out/renderer/index.html', false]
    ] as const) {
      const e = { preventDefault: vi.fn() }
      state.openExternal.mockClear()
      onNavigate(e, url)
      expect(e.preventDefault, url).toHaveBeenCalled()
      expect(state.openExternal.mock.calls.length, url).toBe(external ? 1 : 0)
    }
  })

  it('denies every new window (window.open, target=_blank, middle click)', () => {
    const open = handler<(d: { url: string }) => { action: string }>(state.webContents.setWindowOpenHandler)
    for (const url of ['https://example.org/', 'file:///etc/passwd', 'about:blank', 'javascript:alert(1)']) {
      expect(open({ url })).toEqual({ action: 'deny' })
    }
    expect(state.openExternal.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['https://example.org/'])
  })

  it('denies every permission request and check (camera, geolocation, notifications …)', () => {
    const request = handler<(wc: unknown, permission: string, cb: (ok: boolean) => void) => void>(state.permissionRequest)
    const check = handler<(...a: unknown[]) => boolean>(state.permissionCheck)
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn()
      request(null, p, cb)
      expect(cb).toHaveBeenCalledWith(false)
      expect(check(null, p)).toBe(false)
    }
  })

  it('answers IPC only from its own window’s main frame showing its own page', async () => {
    const win = { webContents: state.webContents, isDestroyed: () => false } as never
    const lib = { subscribe: () => () => {} } as never
    const handlers = { 'app.info': () => ({ version: 't' }) } as never
    registerIpc(win, lib, handlers)
    const call = state.handlers.get('scholia:app.info')!
    const own = { sender: state.webContents, senderFrame: state.webContents.mainFrame }
    expect(await call(own, {})).toMatchObject({ ok: true })
    const strangers = [
      { sender: { other: true }, senderFrame: state.webContents.mainFrame },
      { sender: state.webContents, senderFrame: { url: 'file:///app/out/renderer/index.html' } },
      { sender: state.webContents, senderFrame: null }
    ]
    for (const e of strangers) expect(await call(e, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    state.webContents.mainFrame.url = 'https://evil.example/'
    expect(await call(own, {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    state.webContents.mainFrame.url = 'file:///app/out/renderer/index.html'
  })
})

/** Every source file of the app (main, preload, renderer), as text. */
function sources(dir = SRC): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = []
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) out.push(...sources(full))
    else if (/\.(ts|vue|html|mjs|cjs|js)$/.test(name) && !/\.test\.ts$/.test(name)) out.push({ path: full.slice(SRC.length), text: readFileSync(full, 'utf8') })
  }
  return out
}

/** A CSP as directive → sorted sources, for comparing two spellings of one policy. */
function directives(csp: string): Record<string, string> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name.toLowerCase(), values.sort().join(' ')])
  )
}

describe('settings that must never appear in the sources', () => {
  const FORBIDDEN: [string, RegExp][] = [
    ['nodeIntegration: true', /nodeIntegration\s*:\s*true/],
    ['Node in workers or subframes', /nodeIntegrationIn(Worker|SubFrames)\s*:\s*true/],
    ['contextIsolation: false', /contextIsolation\s*:\s*false/],
    ['sandbox: false', /sandbox\s*:\s*false/],
    ['webSecurity: false', /webSecurity\s*:\s*false/],
    ['allowRunningInsecureContent', /allowRunningInsecureContent\s*:\s*true/],
    ['experimentalFeatures', /experimentalFeatures\s*:\s*true/],
    ['enableBlinkFeatures', /enableBlinkFeatures/],
    ['the remote module', /enableRemoteModule|@electron\/remote|\bremote\s*\.\s*require|electron['"]\)\s*\.\s*remote/],
    ['certificate checks turned off', /ignore-certificate-errors|setCertificateVerifyProc|certificate-error/],
    ['executeJavaScript', /executeJavaScript\s*\(/],
    ['eval / new Function', /\beval\s*\(|new\s+Function\s*\(/],
    ['<webview>', /<webview/i],
    ['ipcRenderer exposed to the page', /exposeInMainWorld\([^)]*ipcRenderer\s*\)/]
  ]

  const files = sources()
  it.each(FORBIDDEN)('no %s', (what, pattern) => {
    const hits = files
      .filter((f) => pattern.test(f.text))
      .map((f) => f.path)
    expect(hits, `${what} found`).toEqual([])
  })

  it('every shell.openExternal call is behind the http(s) allow-list', () => {
    for (const f of files) {
      for (const line of f.text.split('\n').filter((l) => l.includes('openExternal(')))
        expect(line, f.path).toMatch(/isExternalAllowed\(/)
    }
  })

  it('the preload exposes only reviewed objects, and its calls are checked against the contract', () => {
    const preload = readFileSync(join(SRC, 'preload/index.ts'), 'utf8')
    // Adding to this list is a security review: what the page may reach in the main process.
    const REVIEWED = ['scholia', 'scholiaFiles']
    const exposed = [...preload.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1])
    expect(preload.match(/exposeInMainWorld\(/g)?.length).toBe(exposed.length)
    expect(exposed.filter((name) => !REVIEWED.includes(name))).toEqual([])
    expect(preload).toMatch(/if \(!isMethodName\(method\)\)/)
    expect(preload).not.toMatch(/ipcRenderer\.(send|sendSync|sendTo|postMessage)\(/)
    // ipcRenderer is used for the contract's channels only.
    for (const m of preload.matchAll(/ipcRenderer\.(\w+)\(\s*([\w.]+)/g)) expect(m[2], m[0]).toMatch(/^(ipcChannel|IPC_EVENT_CHANNEL)$/)
  })

  it('the renderer page carries the same CSP as the browser bridge sends', () => {
    const html = readFileSync(join(SRC, 'renderer/index.html'), 'utf8')
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
    expect(meta, 'CSP meta tag in src/renderer/index.html').not.toBeNull()
    // A meta tag cannot carry frame-ancestors, report-uri or sandbox (browsers ignore them there).
    const bridge = directives(CONTENT_SECURITY_POLICY)
    for (const d of ['frame-ancestors', 'report-uri', 'sandbox']) delete bridge[d]
    expect(directives(meta![1])).toEqual(bridge)
    expect(bridge['script-src']).toBe("'self'")
    expect(bridge['default-src']).toBe("'none'")
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i)
  })
})
