import Database, { type Database as DB } from 'better-sqlite3'
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { ScholiaError } from '../../../shared/errors'
import { backupBeforeMigration } from '../maintenance/auto-backup'
import { restoreHint } from '../maintenance/backup-files'
import { LATEST_VERSION, migrate, schemaVersion } from './migrations'
import { storageError } from './storage-errors'

export interface OpenOptions {
  /** Create the folder of a default-location library when missing (never for --db). */
  createFolder?: boolean
  /** Path of a better-sqlite3 addon built for this runtime (Electron's ABI). */
  nativeBinding?: string
  readonly?: boolean
  /**
   * Called before an existing library is migrated. Defaults to a backup into the
   * library's backups folder; pass null to skip it (tests of migrations only).
   */
  beforeMigrate?: ((db: DB, from: number, to: number) => void) | null
}

export interface OpenedDatabase {
  db: DB
  /** True when this call created the library file (first run). */
  created: boolean
  path: string
}

const SQLITE_MAGIC = 'SQLite format 3\0'
/** How long a writer waits for another process (CLI vs app) before giving up. */
const BUSY_TIMEOUT_MS = 10_000

function looksLikeSqlite(path: string): boolean {
  const fd = openSync(path, 'r')
  try {
    const buf = Buffer.alloc(16)
    const n = readSync(fd, buf, 0, 16, 0)
    return n === 16 && buf.toString('latin1') === SQLITE_MAGIC
  } finally {
    closeSync(fd)
  }
}

/**
 * Opens (or creates) a Scholia library. Refuses — without touching the file — a
 * file that is not SQLite, an SQLite file that is not a Scholia library, and a
 * library made by a newer version of the app.
 */
export function openDatabase(path: string, opts: OpenOptions = {}): OpenedDatabase {
  const folder = dirname(path)
  if (!existsSync(folder)) {
    if (!opts.createFolder)
      throw new ScholiaError('io', `folder ${folder} does not exist — create it or choose another library path with --db`)
    mkdirSync(folder, { recursive: true })
  }
  const exists = existsSync(path) && statSync(path).size > 0
  if (exists && statSync(path).isDirectory())
    throw new ScholiaError('library_unusable', `${path} is a folder — give the path of a library file, e.g. ${path}/library.db`)
  if (exists && !looksLikeSqlite(path))
    throw new ScholiaError(
      'library_unusable',
      `${path} is not a Scholia library (not an SQLite database) — move it away, choose another file with --db, or ${restoreHint(path)}`
    )

  let db: DB
  try {
    db = new Database(path, { readonly: opts.readonly ?? false, nativeBinding: opts.nativeBinding, timeout: BUSY_TIMEOUT_MS })
  } catch (e) {
    throw new ScholiaError('io', `cannot open library ${path}: ${(e as Error).message} — check the path and its permissions`)
  }
  try {
    configure(db, opts.readonly ?? false)
    const version = schemaVersion(db)
    if (version > LATEST_VERSION)
      throw new ScholiaError(
        'library_unusable',
        `${path} was made by a newer Scholia (schema v${version}; this version knows up to v${LATEST_VERSION}) — update Scholia to open it`
      )
    if (version === 0 && hasForeignTables(db))
      throw new ScholiaError(
        'library_unusable',
        `${path} is an SQLite database but not a Scholia library — choose another file with --db`
      )
    if (version > 0 && version < LATEST_VERSION && !opts.readonly) {
      const hook = opts.beforeMigrate === undefined ? backupBeforeMigration(path) : opts.beforeMigrate
      hook?.(db, version, LATEST_VERSION)
    }
    if (!opts.readonly) migrate(db)
    return { db, created: version === 0, path }
  } catch (e) {
    db.close()
    if (e instanceof ScholiaError) throw e
    if ((e as { code?: string }).code === 'SQLITE_NOTADB' || (e as { code?: string }).code === 'SQLITE_CORRUPT')
      throw new ScholiaError(
        'library_unusable',
        `${path} is damaged (${(e as Error).message}); it was left untouched — ${restoreHint(path)}`
      )
    throw storageError(e, path) ?? e
  }
}

function configure(db: DB, readonly: boolean): void {
  if (!readonly) db.pragma('journal_mode = WAL')
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can
  // lose the last transactions, and never corrupts the file.
  db.pragma('synchronous = NORMAL')
  db.pragma('foreign_keys = ON')
  db.pragma('cache_size = -65536')
  db.pragma('temp_store = MEMORY')
}

function hasForeignTables(db: DB): boolean {
  const row = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number }
  return row.n > 0
}
