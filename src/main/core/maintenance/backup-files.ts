/**
 * Where automatic backups live and how they are named: `<library folder>/backups/
 * <library name>-<UTC timestamp>-<reason>.db`. The timestamp sorts as text, so the
 * newest backup is found without opening any file, even when the library itself
 * is too damaged to open.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, extname, join } from 'node:path'

export const BACKUP_FOLDER = 'backups'

/** Why a backup was taken; part of its file name so the user can tell them apart. */
export type BackupReason = 'auto' | 'before-migration' | 'before-restore' | 'manual'

export interface BackupFile {
  path: string
  /** When the backup was taken (from its name). */
  takenAt: Date
  reason: string
}

const STAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/

export function backupsDir(libraryPath: string): string {
  return join(dirname(libraryPath), BACKUP_FOLDER)
}

function stem(libraryPath: string): string {
  const name = basename(libraryPath)
  return name.slice(0, name.length - extname(name).length) || name
}

/** `2024-05-01T12:00:00.000Z` → `2024-05-01T12-00-00-000Z` (no colons: Windows file names). */
export function fileStamp(date: Date): string {
  return date.toISOString().replace(/:/g, '-').replace('.', '-')
}

function parseStamp(s: string): Date | null {
  const m = STAMP.exec(s)
  return m ? new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`) : null
}

/** The path a new backup of this library gets. */
export function backupPath(libraryPath: string, reason: BackupReason, date = new Date()): string {
  return join(backupsDir(libraryPath), `${stem(libraryPath)}-${fileStamp(date)}-${reason}.db`)
}

/** This library's backups, newest first (other libraries sharing the folder are ignored). */
export function listBackups(libraryPath: string): BackupFile[] {
  const dir = backupsDir(libraryPath)
  if (!existsSync(dir)) return []
  const prefix = `${stem(libraryPath)}-`
  const out: BackupFile[] = []
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix) || !name.endsWith('.db')) continue
    const rest = name.slice(prefix.length, -'.db'.length)
    // The stamp is fixed-width (24 characters), then "-<reason>".
    const takenAt = parseStamp(rest.slice(0, 24))
    if (!takenAt || rest[24] !== '-') continue
    const path = join(dir, name)
    if (!statSync(path).isFile()) continue
    out.push({ path, takenAt, reason: rest.slice(25) })
  }
  return out.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || (a.path < b.path ? 1 : -1))
}

/** The newest backup of this library, or null when there is none. */
export function latestBackup(libraryPath: string): string | null {
  return listBackups(libraryPath)[0]?.path ?? null
}

/** A path as it can be pasted into a shell. */
export function shellArg(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`
}

/** The end of an "unusable library" message: how to get the user's work back. */
export function restoreHint(libraryPath: string): string {
  const latest = latestBackup(libraryPath)
  return latest
    ? `restore the latest backup with: scholia restore ${shellArg(latest)} --db ${shellArg(libraryPath)}`
    : `no automatic backup found in ${backupsDir(libraryPath)} — restore one of your own with: scholia restore FILE --db ${shellArg(libraryPath)}`
}
