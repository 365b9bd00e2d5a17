/**
 * Automatic, rotating backups into `<library folder>/backups/`: on a schedule while
 * the app or `scholia serve` runs, and before every schema migration. Backups are
 * whole, self-contained library files; `scholia restore` puts one back.
 */
import type { Database } from 'better-sqlite3'
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'
import { backupLibrary } from './backup'
import { backupPath, backupsDir, listBackups, type BackupReason } from './backup-files'

/** Automatic backups kept per library; older ones are deleted as new ones are made. */
export const DEFAULT_KEEP = 10
/** A changed library is backed up at most this often. */
export const DEFAULT_INTERVAL_MS = 60 * 60 * 1000
/** How often the timer looks for changes. */
export const DEFAULT_CHECK_EVERY_MS = 5 * 60 * 1000
/** The first look comes soon after start, so short sessions get backed up too, but not during start-up. */
export const DEFAULT_FIRST_CHECK_MS = 60 * 1000

/**
 * Takes one backup of the live library into its backups folder (online backup
 * API: consistent while other connections write) and rotates the automatic ones.
 */
export async function takeBackup(lib: Library, reason: BackupReason = 'auto', keep = DEFAULT_KEEP): Promise<string> {
  mkdirSync(backupsDir(lib.path), { recursive: true })
  const { path } = await backupLibrary(lib, backupPath(lib.path, reason))
  if (reason === 'auto') pruneBackups(lib.path, keep)
  return path
}

/**
 * Deletes all but the `keep` newest automatic backups. Backups taken for another
 * reason (before a migration or a restore, by hand) are never deleted here.
 */
export function pruneBackups(libraryPath: string, keep: number): string[] {
  const autos = listBackups(libraryPath).filter((b) => b.reason === 'auto')
  const removed: string[] = []
  for (const b of autos.slice(Math.max(keep, 1))) {
    rmSync(b.path, { force: true })
    removed.push(b.path)
  }
  return removed
}

/**
 * The `beforeMigrate` hook `openDatabase` uses by default: a synchronous copy
 * (VACUUM INTO, written to a temporary name and renamed) of the library as it was
 * before the upgrade, so a migration that goes wrong costs nothing.
 */
export function backupBeforeMigration(libraryPath: string): (db: Database, from: number, to: number) => void {
  return (db, from) => {
    const dir = backupsDir(libraryPath)
    const target = backupPath(libraryPath, 'before-migration').replace(/\.db$/, `-v${from}.db`)
    const tmp = `${target}.partial-${process.pid}`
    try {
      mkdirSync(dir, { recursive: true })
      db.prepare('VACUUM INTO ?').run(tmp)
      renameSync(tmp, target)
    } catch (e) {
      rmSync(tmp, { force: true })
      throw new ScholiaError(
        'io',
        `cannot back up ${libraryPath} before upgrading it (${(e as Error).message}) — free some space in ${dir} and start again; the library was not changed`
      )
    }
  }
}

/** Last time the library file (or its write-ahead log) was written. */
function lastWrite(libraryPath: string): number {
  let t = existsSync(libraryPath) ? statSync(libraryPath).mtimeMs : 0
  const wal = `${libraryPath}-wal`
  // An empty WAL is created by merely opening the library; only one with frames means a write.
  if (existsSync(wal)) {
    const s = statSync(wal)
    if (s.size > 0) t = Math.max(t, s.mtimeMs)
  }
  return t
}

export interface AutoBackupOptions {
  keep?: number
  intervalMs?: number
  checkEveryMs?: number
  firstCheckMs?: number
  /** Told about each backup taken (for logs). */
  onBackup?: (path: string) => void
  /** A failed backup never stops the app; it is reported here. */
  onError?: (e: unknown) => void
  now?: () => number
}

export interface AutoBackups {
  /** Runs one check now: backs up when the library changed and the last backup is old enough. */
  check(): Promise<string | null>
  stop(): void
}

/**
 * Starts the backup timer of a running app or server. The timer never keeps the
 * process alive (unref) and never overlaps itself; call `stop()` before closing
 * the library.
 */
export function startAutoBackups(lib: Library, opts: AutoBackupOptions = {}): AutoBackups {
  const keep = opts.keep ?? DEFAULT_KEEP
  const interval = opts.intervalMs ?? DEFAULT_INTERVAL_MS
  const now = opts.now ?? Date.now
  const onError = opts.onError ?? ((e) => console.error(`automatic backup failed: ${(e as Error)?.message ?? e}`))
  let running = false
  let stopped = false

  async function check(): Promise<string | null> {
    if (running || stopped || !lib.db.open) return null
    running = true
    try {
      const latest = listBackups(lib.path).find((b) => b.reason === 'auto')
      const changed = !latest || lastWrite(lib.path) > latest.takenAt.getTime()
      const due = !latest || now() - latest.takenAt.getTime() >= interval
      if (!changed || !due) return null
      const path = await takeBackup(lib, 'auto', keep)
      opts.onBackup?.(path)
      return path
    } catch (e) {
      onError(e)
      return null
    } finally {
      running = false
    }
  }

  let repeat: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    void check()
    repeat = setInterval(() => void check(), opts.checkEveryMs ?? DEFAULT_CHECK_EVERY_MS)
    repeat.unref()
  }, opts.firstCheckMs ?? DEFAULT_FIRST_CHECK_MS)
  first.unref()

  return {
    check,
    stop() {
      stopped = true
      clearTimeout(first)
      if (repeat) clearInterval(repeat)
    }
  }
}
