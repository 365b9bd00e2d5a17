/**
 * Which long-running Scholia processes (the desktop app, `scholia serve`) have a
 * library open. Each writes a small file beside the library while it runs —
 * `<library>.open-<host>-<pid>`, holding who it is — and removes it when it
 * stops. `scholia restore` refuses while one is there, because a process that
 * keeps the library open would go on writing into the file moved aside.
 *
 * SQLite's own locks say the same on a local disk, but not on a network share
 * whose locks do not work, and they cannot say which process it is. The command
 * line's short commands write no file: they may run beside the app.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { basename, dirname, join } from 'node:path'

/** One process that has the library open. */
export interface LibraryHolder {
  pid: number
  host: string
  /** What the process is, for the message: "the Scholia app", "scholia serve". */
  what: string
  /** When it opened the library (ISO). */
  since: string
  /** The marker file, to name when the user must remove it by hand. */
  file: string
}

const MARK = '.open-'

function markerPrefix(libraryPath: string): string {
  return `${basename(libraryPath)}${MARK}`
}

/** Whether a process of this machine is still running (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readHolder(file: string): LibraryHolder | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<LibraryHolder>
    if (!Number.isInteger(v.pid) || typeof v.host !== 'string') return null
    return { pid: v.pid!, host: v.host, what: String(v.what ?? 'Scholia'), since: String(v.since ?? ''), file }
  } catch {
    // Being written this instant, or not ours: judged by its name below.
    return null
  }
}

/**
 * Marks the library as open by this process until `release()` (also called when
 * the process exits normally; after a crash the file is stale and ignored). A
 * library held only in memory has nothing to mark.
 */
export function markLibraryOpen(libraryPath: string, what: string): { release(): void } {
  if (libraryPath === '' || libraryPath === ':memory:') return { release: () => {} }
  const file = join(dirname(libraryPath), `${markerPrefix(libraryPath)}${hostname()}-${process.pid}`)
  const holder = { pid: process.pid, host: hostname(), what, since: new Date().toISOString() }
  try {
    writeFileSync(file, `${JSON.stringify(holder)}\n`)
  } catch {
    // A read-only library folder: the app still runs; restore falls back on SQLite's locks.
    return { release: () => {} }
  }
  const release = () => {
    process.off('exit', release)
    rmSync(file, { force: true })
  }
  process.on('exit', release)
  return { release }
}

/**
 * The processes holding the library open now. Files left by processes of this
 * machine that are gone (a crash, a kill) are removed on the way; those of
 * another machine cannot be checked and count as open.
 */
export function libraryHolders(libraryPath: string): LibraryHolder[] {
  const prefix = markerPrefix(libraryPath)
  let names: string[]
  try {
    names = readdirSync(dirname(libraryPath)).filter((n) => n.startsWith(prefix))
  } catch {
    return []
  }
  const me = hostname()
  const holders: LibraryHolder[] = []
  for (const name of names) {
    // <prefix><host>-<pid>: anything else beside the library (another library's file) is not a marker.
    const parts = /^(.+)-(\d+)$/.exec(name.slice(prefix.length))
    if (!parts) continue
    const file = join(dirname(libraryPath), name)
    const h = readHolder(file) ?? { pid: Number(parts[2]), host: parts[1], what: 'Scholia', since: '', file }
    if (h.host === me && !running(h.pid)) rmSync(file, { force: true })
    else holders.push(h)
  }
  return holders
}
