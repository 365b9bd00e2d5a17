import type { Database } from 'better-sqlite3'
import type { EventName, EventPayload } from '../../shared/api'
import { openDatabase, type OpenOptions } from './db/open'
import { storageError } from './db/storage-errors'

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

/**
 * An open library: the database plus the event fan-out the transports subscribe
 * to. Domain code takes a Library and talks SQL through `db`.
 */
export class Library {
  private listeners = new Set<Listener>()
  /** Made once: better-sqlite3 builds a wrapper per transaction() call, and write() runs per article in an import. */
  private readonly inTransaction: ReturnType<Database['transaction']>

  constructor(
    readonly db: Database,
    readonly path: string,
    /** True when this process created the file (first run). */
    readonly created: boolean
  ) {
    this.inTransaction = db.transaction((fn: () => unknown) => fn())
  }

  static open(path: string, opts: OpenOptions = {}): Library {
    const { db, created } = openDatabase(path, opts)
    return new Library(db, path, created)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const l of this.listeners) l(event, payload)
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Runs fn in one write transaction (IMMEDIATE, so a concurrent writer waits rather than fails mid-way). */
  write<T>(fn: () => T): T {
    try {
      return this.inTransaction.immediate(fn) as T
    } catch (e) {
      throw storageError(e, this.path) ?? e
    }
  }

  getSetting(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined
    return row?.value ?? null
  }

  setSetting(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }
}
