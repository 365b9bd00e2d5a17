/**
 * Exports onto full and read-only disks, and exports whose article titles try
 * to leave the chosen folder: a clear error, nothing half-written in the
 * destination, the library untouched — and never a file outside the folder.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from '../../../shared/api/export'
import { ScholiaError } from '../../../shared/errors'
import { createAnnotation } from '../annotations/create'
import { insertArticle } from '../articles/repo'
import { runExport } from '../export/run'
import { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { fillSampleData } from '../testing/sample-data'
import { snapshot } from '../testing/snapshot'
import { TestDisks } from './mounts'

let work: string
let lib: Library
const disks = new TestDisks(() => work)
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'scholia-export-disk-'))
  lib = Library.open(join(work, 'library.db'))
  fillSampleData(lib)
})
afterEach(() => {
  lib.close()
  disks.unmountAll()
  rmSync(work, { recursive: true, force: true })
})

/** Articles whose titles are path tricks, with enough text that a small disk fills up. */
function addHostileTitles(): void {
  const titles = ['../../escaped', '/etc/passwd', '..', '.', 'C:\\Windows\\evil', 'a/b/c', 'CON', 'x'.repeat(400), '.hidden', 'Заметка: «кавычки»?*|<>', '\u202eexe.md']
  lib.write(() => {
    titles.forEach((title, i) => {
      const text = `${title} ${'Lorem ipsum dolor sit amet. '.repeat(200)} ${i}`
      const { id } = insertArticle(lib, {
        title, author: null, published: null, source: null, site: null, format: 'html', encoding: null, language: null,
        html: `<p>${text}</p>`, text, contentHash: `${String(i).padStart(2, '0')}`.padEnd(64, 'a')
      })
      // Long notes that do not compress, so every export format (the zipped bundle too) outgrows a small disk.
      createAnnotation(lib, { articleId: id, start: 0, end: 20, color: 'yellow', note: randomBytes(24_000).toString('base64'), tags: [] })
    })
  })
}

describe('exporting onto a bad destination', () => {
  it.for(EXPORT_FORMATS)('%s onto a full disk: a clear error and nothing left in the folder', async (format, ctx) => {
    addHostileTitles()
    const dest = disks.small(ctx, 'usb', 96)
    const before = snapshot(lib.db)
    const error = await runExport(lib, { scope: { kind: 'all' }, format, out: dest }).then(
      () => null,
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(ScholiaError)
    expect((error as ScholiaError).message).toMatch(/full|space/)
    expect(readdirSync(dest)).toEqual([])
    expect(snapshot(lib.db)).toEqual(before)
  })

  it.for(EXPORT_FORMATS)('%s into a read-only folder: a clear error, nothing written', async (format, ctx) => {
    const src = join(work, 'dest')
    const view = disks.readOnlyView(ctx, src)
    await expect(runExport(lib, { scope: { kind: 'all' }, format, out: view })).rejects.toThrow(/not writable|read-only|cannot write/)
    expect(readdirSync(src)).toEqual([])
    expect(checkLibrary(lib).ok).toBe(true)
  })
})

describe('exports stay inside the chosen folder', () => {
  it('Markdown files named after hostile titles are all written inside the folder, none hidden, none replaced', async () => {
    addHostileTitles()
    const parent = join(work, 'parent')
    const dest = join(parent, 'notes')
    mkdirSync(dest, { recursive: true })
    writeFileSync(join(dest, 'Reading the ice.md'), 'my own file')
    const outside = join(work, 'outside.md')
    writeFileSync(outside, 'outside')
    symlinkSync(outside, join(dest, 'CON.md'))
    const r = await runExport(lib, { scope: { kind: 'all' }, format: 'md', out: dest })
    expect(r.files).toBeGreaterThanOrEqual(13)
    expect(readdirSync(parent)).toEqual(['notes'])
    expect(readdirSync(work).sort()).toEqual(['library.db', 'library.db-shm', 'library.db-wal', 'outside.md', 'parent'].filter((f) => existsSync(join(work, f))).sort())
    const names = readdirSync(dest)
    for (const n of names) {
      expect(n.startsWith('.'), n).toBe(false)
      expect(n.includes('/') || n.includes('\\'), n).toBe(false)
    }
    expect(readFileSync(join(dest, 'Reading the ice.md'), 'utf8')).toBe('my own file')
    expect(readFileSync(outside, 'utf8')).toBe('outside')
  })
})
