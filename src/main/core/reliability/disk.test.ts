/**
 * Full and read-only disks: every failure is a clear one-line error, and both
 * the library and the destination are left consistent — no half-written file,
 * nothing committed lost.
 */
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ScholiaError } from '../../../shared/errors'
import { runCli } from '../../cli/run-cli'
import { itemsFromPaths } from '../import/items'
import { importItems } from '../import/pipeline'
import { Library } from '../library'
import { backupLibrary } from '../maintenance/backup'
import { checkLibrary } from '../maintenance/check'
import { restoreLibrary } from '../maintenance/restore'
import { fillSampleData, writeSampleLibrary } from '../testing/sample-data'
import { snapshot } from '../testing/snapshot'
import { FIXTURE_DIGEST } from '../testing/temp-library'
import { makeImmutable, resizeTmpfs, TestDisks } from './mounts'

let work: string
const disks = new TestDisks(() => work)
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'scholia-disk-'))
})
afterEach(() => {
  disks.unmountAll()
  rmSync(work, { recursive: true, force: true })
})

const DIGEST = fileURLToPath(FIXTURE_DIGEST)
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const BIG_NOTE = 'Заметка на полях. '.repeat(3000)

/** A library with enough in it that a copy does not fit on a small disk. */
function biggishLibrary(path: string): Library {
  const lib = Library.open(path)
  fillSampleData(lib)
  for (let i = 0; i < 20; i++) lib.write(() => lib.setSetting('reader', BIG_NOTE + i))
  const [{ id }] = lib.db.prepare('SELECT id FROM articles').all() as { id: string }[]
  lib.write(() => lib.db.prepare('UPDATE articles SET note = ? WHERE id = ?').run(BIG_NOTE.repeat(8), id))
  return lib
}

describe('a full disk', () => {
  it('a write that does not fit fails with "disk is full", earlier writes stay, and the library works once space is freed', (ctx) => {
    const disk = disks.small(ctx, 'lib', 768)
    const path = join(disk, 'library.db')
    const lib = Library.open(path)
    fillSampleData(lib)
    let saved = -1
    let error: unknown
    for (let i = 0; i < 1000 && !error; i++) {
      try {
        lib.write(() => lib.setSetting('reader', `${i}:${BIG_NOTE}`))
        saved = i
      } catch (e) {
        error = e
      }
    }
    expect(error).toBeInstanceOf(ScholiaError)
    expect((error as ScholiaError).message).toBe(`the disk holding ${path} is full — free some space and try again; this change was not saved`)
    expect(saved).toBeGreaterThan(0)
    expect(lib.getSetting('reader')?.startsWith(`${saved}:`)).toBe(true)
    expect(checkLibrary(lib).problems).toEqual([])
    lib.close()

    resizeTmpfs(disk, 4096)
    const again = Library.open(path)
    expect(again.getSetting('reader')?.startsWith(`${saved}:`)).toBe(true)
    again.write(() => again.setSetting('theme', 'after-space-freed'))
    expect(checkLibrary(again)).toEqual({ ok: true, problems: [] })
    again.close()
  })

  it('an import that fills the disk reports the file it could not store, keeps every article stored before it, and none half-written', async (ctx) => {
    const disk = disks.small(ctx, 'lib', 640)
    const path = join(disk, 'library.db')
    const lib = Library.open(path)
    const folder = join(work, 'incoming')
    mkdirSync(folder)
    for (let i = 0; i < 40; i++) writeFileSync(join(folder, `n${String(i).padStart(2, '0')}.md`), `# Заметка ${i}\n\n${BIG_NOTE.slice(0, 30_000)} ${i}\n`)
    try {
      const report = await importItems(lib, await itemsFromPaths([folder]), { workers: 'never' })
      const failed = report.outcomes.filter((o) => 'error' in o)
      expect(failed.length).toBeGreaterThan(0)
      expect('error' in failed[0] && failed[0].error).toMatch(/the disk holding .* is full — free some space and try again; this change was not saved/)
      const stored = report.outcomes.filter((o) => 'status' in o).length
      expect(stored).toBeGreaterThan(0)
      expect((lib.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(stored)
      expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
    } finally {
      lib.close()
    }
  })

  it('a backup onto a full disk fails clearly, leaving no partial file there and the library untouched', async (ctx) => {
    const dest = disks.small(ctx, 'usb', 128)
    const lib = biggishLibrary(join(work, 'library.db'))
    try {
      const before = snapshot(lib.db)
      await expect(backupLibrary(lib, join(dest, 'backup.db'))).rejects.toThrow(/^backup to .* failed: .* — check free space and permissions$/)
      expect(readdirSync(dest)).toEqual([])
      expect(snapshot(lib.db)).toEqual(before)
      expect(checkLibrary(lib).ok).toBe(true)
    } finally {
      lib.close()
    }
  })

  it('a restore that does not fit leaves the library exactly as it was', (ctx) => {
    const disk = disks.small(ctx, 'lib', 4096)
    const big = biggishLibrary(join(work, 'big.db'))
    big.db.exec(`VACUUM INTO '${join(work, 'backup.db')}'`)
    big.close()
    const path = join(disk, 'library.db')
    writeSampleLibrary(path)
    const hash = hashOf(path)
    // Room for half the backup, whatever size a new library has with the current schema.
    const backupKb = statSync(join(work, 'backup.db')).size / 1024
    resizeTmpfs(disk, Math.ceil(statSync(path).size / 1024) + Math.floor(backupKb / 2))
    expect(() => restoreLibrary(join(work, 'backup.db'), path)).toThrow(/cannot copy .* the library was not changed/)
    expect(hashOf(path)).toBe(hash)
    expect(readdirSync(disk).filter((f) => f.includes('restoring') || f.includes('before-restore'))).toEqual([])
  })
})

describe('a read-only disk', () => {
  it('a library on a read-only folder: opening and `scholia import` are refused with a clear message, and nothing is modified', async (ctx) => {
    const src = join(work, 'src')
    mkdirSync(src)
    writeSampleLibrary(join(src, 'library.db'))
    const hash = hashOf(join(src, 'library.db'))
    const view = disks.readOnlyView(ctx, src)
    expect(() => Library.open(join(view, 'library.db'))).toThrow(/^cannot open .*library\.db or its journal — check that its folder exists and is writable$/)
    expect(() => Library.open(join(view, 'new.db'))).toThrow(/cannot open library .*new\.db: .* check the path and its permissions/)
    const cli = await runCli(['import', DIGEST, '--db', join(view, 'library.db')])
    expect(cli.code).toBe(1)
    expect(cli.stderr).toMatch(/^error: cannot open .*library\.db or its journal — check that its folder exists and is writable\n$/)
    expect(hashOf(join(src, 'library.db'))).toBe(hash)
  })

  it('a library file made immutable: a write either fails clearly or is kept, never half-kept', (ctx) => {
    const path = join(work, 'library.db')
    writeSampleLibrary(path)
    const refused = makeImmutable(path)
    if (refused) ctx.skip(refused)
    let kept = false
    try {
      // In WAL mode the write lands in the log beside the file; only the checkpoint needs the file itself.
      const l = Library.open(path)
      try {
        l.write(() => l.setSetting('theme', 'while-immutable'))
        kept = true
      } catch (e) {
        expect((e as Error).message).toMatch(/read-only|disk error|cannot open/)
      } finally {
        l.close()
      }
    } catch (e) {
      expect(e).toBeInstanceOf(ScholiaError)
    } finally {
      makeImmutable(path, false)
    }
    const again = Library.open(path)
    expect(again.getSetting('theme')).toBe(kept ? 'while-immutable' : 'dark')
    expect(checkLibrary(again)).toEqual({ ok: true, problems: [] })
    again.close()
  })

  it('a backup into a read-only folder fails clearly and the library is untouched', async (ctx) => {
    const src = join(work, 'dest')
    const view = disks.readOnlyView(ctx, src)
    const lib = Library.open(join(work, 'library.db'))
    try {
      fillSampleData(lib)
      await expect(backupLibrary(lib, join(view, 'backup.db'))).rejects.toThrow(/^backup to .* failed: .* — check free space and permissions$/)
      expect(readdirSync(src)).toEqual([])
      expect(checkLibrary(lib).ok).toBe(true)
    } finally {
      lib.close()
    }
  })
})
