/**
 * `scholia restore`: puts a backup in place of the library. The current file is
 * never deleted — it is moved aside as `<library>.before-restore-<timestamp>` (with
 * its write-ahead log, if any), so even a restore by mistake loses nothing.
 */
import Database from 'better-sqlite3'
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs'
import { hostname } from 'node:os'
import { resolve } from 'node:path'
import { ScholiaError } from '../../../shared/errors'
import { LATEST_VERSION } from '../db/migrations'
import { fileStamp } from './backup-files'
import { libraryHolders } from './in-use'

/** Tables every Scholia library has had since v1; a backup without them is some other database. */
const REQUIRED_TABLES = ['articles', 'article_content', 'annotations', 'tags', 'settings']
const SQLITE_MAGIC = 'SQLite format 3\0'
/** Companion files SQLite keeps next to a library in WAL mode. */
const SIDE_FILES = ['-wal', '-shm'] as const

export interface RestoreResult {
  restored: string
  /** Where the replaced library was moved, or null when there was none. */
  movedAside: string | null
  schemaVersion: number
  articles: number
}

function hasSqliteHeader(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(16)
    return readSync(fd, buf, 0, 16, 0) === 16 && buf.toString('latin1') === SQLITE_MAGIC
  } finally {
    closeSync(fd)
  }
}

/** Checks that a file is an intact Scholia library this version can open. */
export function verifyBackup(path: string): { schemaVersion: number; articles: number } {
  if (!existsSync(path) || !statSync(path).isFile())
    throw new ScholiaError('not_found', `backup ${path} does not exist — list the backups folder next to your library and pick a file`)
  if (!hasSqliteHeader(path)) throw new ScholiaError('invalid_argument', `${path} is not a Scholia backup (not an SQLite database) — pick another file`)
  // A backup is in WAL mode like the library; opening it makes SQLite add empty
  // side files, which are not left next to the user's backup.
  const sideFilesBefore = SIDE_FILES.filter((s) => existsSync(path + s))
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch (e) {
    throw new ScholiaError('io', `cannot open backup ${path}: ${(e as Error).message} — check its permissions`)
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name))
    const missing = REQUIRED_TABLES.filter((t) => !tables.has(t))
    if (version < 1 || missing.length > 0)
      throw new ScholiaError('invalid_argument', `${path} is an SQLite database but not a Scholia library — pick another backup file`)
    if (version > LATEST_VERSION)
      throw new ScholiaError(
        'unsupported',
        `${path} was made by a newer Scholia (schema v${version}; this version knows up to v${LATEST_VERSION}) — update Scholia to restore it`
      )
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).filter((r) => r !== 'ok')
    if (problems.length > 0)
      throw new ScholiaError('library_unusable', `backup ${path} is damaged (${problems[0]}) — pick an older backup`)
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    return { schemaVersion: version, articles }
  } catch (e) {
    if (e instanceof ScholiaError) throw e
    throw new ScholiaError('library_unusable', `backup ${path} is damaged (${(e as Error).message}) — pick an older backup`)
  } finally {
    db.close()
    // Read-only, so the write-ahead log it made holds nothing.
    for (const s of SIDE_FILES) if (!sideFilesBefore.includes(s)) rmSync(path + s, { force: true })
  }
}

/**
 * Refuses while another process (the app, `scholia serve`) has the library open:
 * first by the files those processes keep beside the library while they run
 * (they name the process, and work where file locks do not), then by SQLite's
 * locks. In WAL mode every open connection holds a shared lock on the file; asking for
 * exclusive locking with no busy wait fails at once if any other holds one. Taking
 * the lock also checkpoints the WAL into the file on close, so the file moved aside
 * is complete by itself. A library too damaged to open cannot be in use by Scholia.
 */
function ensureNotInUse(libraryPath: string, exists: boolean): void {
  const holder = libraryHolders(libraryPath)[0]
  if (holder) {
    const where = holder.host === hostname() ? '' : ` on ${holder.host}`
    throw new ScholiaError(
      'conflict',
      `${libraryPath} is open in ${holder.what} (process ${holder.pid}${where}${holder.since ? `, since ${holder.since}` : ''}) — close it, then restore again (if it is not running, delete ${holder.file})`
    )
  }
  if (!exists) return
  let db: Database.Database
  try {
    db = new Database(libraryPath, { fileMustExist: true, timeout: 0 })
  } catch {
    return
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE; COMMIT')
  } catch (e) {
    const code = (e as { code?: string }).code ?? ''
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new ScholiaError('conflict', `${libraryPath} is open in another Scholia process (the app or scholia serve) — close it, then restore again`)
    // Damaged or not a database: nothing can be using it as a library; restoring is what the user needs.
  } finally {
    db.close()
  }
}

/** Writes a copied write-ahead log into its database file, leaving one self-contained file. */
function mergeWriteAheadLog(path: string): void {
  const db = new Database(path, { fileMustExist: true })
  try {
    db.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
  for (const s of SIDE_FILES) rmSync(path + s, { force: true })
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/**
 * Replaces the library at `libraryPath` with a verified copy of `backup`. The
 * library need not exist (restoring onto a new machine) or be readable (restoring
 * after damage).
 */
export function restoreLibrary(backup: string, libraryPath: string, now = new Date()): RestoreResult {
  const from = resolve(backup)
  const to = resolve(libraryPath)
  if (from === to) throw new ScholiaError('invalid_argument', `${backup} is the library itself — pick a backup file`)
  const info = verifyBackup(from)
  const exists = existsSync(to)
  if (exists && !statSync(to).isFile())
    throw new ScholiaError('invalid_argument', `${libraryPath} is not a file — give the path of the library file with --db`)
  ensureNotInUse(to, exists)

  // Copy first, under a temporary name in the destination folder: a full disk fails
  // here, before the current library has been touched.
  const tmp = `${to}.restoring-${process.pid}`
  try {
    copyFileSync(from, tmp)
    // A library kept aside by an earlier restore, or copied by hand, may hold its last
    // writes in its write-ahead log; they are part of what was checked, so they come too.
    if (existsSync(from + '-wal') && statSync(from + '-wal').size > 0) {
      copyFileSync(from + '-wal', tmp + '-wal')
      mergeWriteAheadLog(tmp)
    }
    fsyncFile(tmp)
  } catch (e) {
    for (const f of [tmp, ...SIDE_FILES.map((s) => tmp + s)]) rmSync(f, { force: true })
    throw new ScholiaError('io', `cannot copy ${backup} next to ${libraryPath}: ${(e as Error).message} — check free space and permissions; the library was not changed`)
  }

  let movedAside: string | null = null
  try {
    if (exists || SIDE_FILES.some((s) => existsSync(to + s))) {
      movedAside = `${to}.before-restore-${fileStamp(now)}`
      if (exists) renameSync(to, movedAside)
      // A WAL left beside the library belongs to the file moved aside, never to the restored one.
      for (const s of SIDE_FILES) if (existsSync(to + s)) renameSync(to + s, movedAside + s)
    }
    renameSync(tmp, to)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw new ScholiaError(
      'io',
      `restore into ${libraryPath} failed: ${(e as Error).message}${movedAside ? ` — your previous library is at ${movedAside}` : ''}`
    )
  }
  return { restored: to, movedAside, ...info }
}
