import { cpus, totalmem } from 'node:os'
import Database from 'better-sqlite3'

/** One line describing where a benchmark ran, for RESULTS.md. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, SQLite ${sqlite}, ${process.platform}`
}
