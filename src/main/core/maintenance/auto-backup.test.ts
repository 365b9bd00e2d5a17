import Database from 'better-sqlite3'
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { Library } from '../library'
import { fillSampleData } from '../testing/sample-data'
import { snapshot } from '../testing/snapshot'
import { useTempLibrary } from '../testing/temp-library'
import { backupBeforeMigration, pruneBackups, startAutoBackups, takeBackup } from './auto-backup'
import { backupPath, backupsDir, latestBackup, listBackups } from './backup-files'

const t = useTempLibrary()
beforeEach(() => fillSampleData(t.lib))

/** A fake older backup file named as if taken at `date`. */
function fakeBackup(reason: 'auto' | 'before-migration', date: Date): string {
  const p = backupPath(t.path, reason, date)
  writeFileSync(p, 'x')
  return p
}

describe('automatic backups', () => {
  it('copies every article, note, highlight, tag and setting into <library folder>/backups', async () => {
    const path = await takeBackup(t.lib)
    expect(path.startsWith(join(t.dir, 'backups'))).toBe(true)
    const copy = new Database(path, { readonly: true })
    expect(snapshot(copy)).toEqual(snapshot(t.lib.db))
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
    copy.close()
  })

  it('keeps only the newest N automatic backups and never deletes a pre-migration one', async () => {
    const dir = backupsDir(t.path)
    await takeBackup(t.lib) // creates the folder
    const old = [1, 2, 3, 4].map((d) => fakeBackup('auto', new Date(Date.UTC(2020, 0, d))))
    const premigration = fakeBackup('before-migration', new Date(Date.UTC(2019, 0, 1)))
    const removed = pruneBackups(t.path, 3)
    expect(removed.sort()).toEqual([old[0], old[1]].sort())
    expect(existsSync(premigration)).toBe(true)
    expect(readdirSync(dir)).toHaveLength(4)
    const after = await takeBackup(t.lib, 'auto', 3)
    expect(latestBackup(t.path)).toBe(after)
    expect(listBackups(t.path).filter((b) => b.reason === 'auto').map((b) => b.path)).toEqual([after, expect.any(String), old[3]])
  })

  it('ignores backups of another library in the same folder', async () => {
    const other = Library.open(join(t.dir, 'work.db'))
    await takeBackup(other)
    other.close()
    expect(latestBackup(t.path)).toBeNull()
    expect(latestBackup(join(t.dir, 'work.db'))).not.toBeNull()
  })

  it('the schedule backs up a changed library, then waits for both a change and the interval', async () => {
    let clock = Date.now()
    const taken: string[] = []
    const timer = startAutoBackups(t.lib, { intervalMs: 60_000, firstCheckMs: 3_600_000, now: () => clock, onBackup: (p) => taken.push(p) })
    try {
      expect(await timer.check()).not.toBeNull() // no backup yet
      expect(await timer.check()).toBeNull() // just taken
      clock += 120_000
      const stamp = listBackups(t.path)[0].takenAt.getTime() / 1000
      // Unchanged since the backup: nothing to do even though the interval passed.
      utimesSync(t.path, stamp - 10, stamp - 10)
      if (existsSync(`${t.path}-wal`)) utimesSync(`${t.path}-wal`, stamp - 10, stamp - 10)
      expect(await timer.check()).toBeNull()
      await new Promise((r) => setTimeout(r, 5))
      t.lib.write(() => t.lib.setSetting('theme', 'light'))
      expect(await timer.check()).not.toBeNull()
      expect(taken).toHaveLength(2)
    } finally {
      timer.stop()
    }
  })

  it('a failing backup is reported, never thrown into the app', async () => {
    const errors: unknown[] = []
    writeFileSync(backupsDir(t.path), 'a file where the folder should be')
    const timer = startAutoBackups(t.lib, { firstCheckMs: 3_600_000, onError: (e) => errors.push(e) })
    expect(await timer.check()).toBeNull()
    timer.stop()
    expect(errors).toHaveLength(1)
  })

  it('the pre-migration hook saves the library as it was, at its old version', () => {
    const before = snapshot(t.lib.db)
    backupBeforeMigration(t.path)(t.lib.db, 1, 2)
    const [b] = listBackups(t.path)
    expect(b.reason).toBe('before-migration-v1')
    const copy = new Database(b.path, { readonly: true })
    expect(copy.pragma('user_version', { simple: true })).toBe(1)
    expect(snapshot(copy)).toEqual(before)
    copy.close()
  })
})
