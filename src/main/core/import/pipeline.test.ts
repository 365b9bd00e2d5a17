import { mkdirSync, openSync, closeSync, ftruncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ImportOutcome } from '../../../shared/model'
import { articleCount, getArticle } from '../articles/repo'
import { checkLibrary } from '../maintenance/check'
import { snapshot } from '../testing/snapshot'
import { tempLibrary } from '../testing/temp-library'
import { itemsFromContent, itemsFromPaths } from './items'
import { importItems, POOL_MIN_ITEMS } from './pipeline'

let t: ReturnType<typeof tempLibrary>
afterEach(() => t?.dispose())

const errors = (outcomes: ImportOutcome[]) => outcomes.flatMap((o) => ('error' in o ? [o.error] : []))
const article = (i: number) => `Report number ${i}\n\nThe committee met on a Tuesday and agreed on item ${i}. Minutes follow.\n`

/** A file of `size` bytes that takes no disk space and no time to write. */
function sparseFile(path: string, size: number): void {
  const fd = openSync(path, 'w')
  ftruncateSync(fd, size)
  closeSync(fd)
}

describe('importing a batch of files', () => {
  it('imports a folder big enough for the worker threads, in order, and a bad file fails alone', async () => {
    t = tempLibrary()
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    const n = POOL_MIN_ITEMS + 4
    for (let i = 0; i < n; i++) writeFileSync(join(folder, `a${String(i).padStart(2, '0')}.txt`), article(i))
    writeFileSync(join(folder, 'b-empty.txt'), '')
    writeFileSync(join(folder, 'c-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe]))
    sparseFile(join(folder, 'd-huge.txt'), 200 * 1024 * 1024)

    const progress: number[] = []
    const report = await importItems(t.lib, await itemsFromPaths([folder]), { onProgress: (p) => progress.push(p.done) })

    const created = report.outcomes.filter((o) => 'status' in o && o.status === 'created')
    expect(created.map((o) => ('title' in o ? o.title : ''))).toEqual(Array.from({ length: n }, (_, i) => `Report number ${i}`))
    const failed = errors(report.outcomes)
    expect(failed).toHaveLength(3)
    expect(failed[0]).toMatch(/b-empty\.txt: file is empty/)
    expect(failed[1]).toMatch(/c-binary\.txt: .*zip archive|c-binary\.txt: binary/)
    expect(failed[2]).toMatch(/d-huge\.txt: file is 200 MB, over the 100 MB import limit/)
    for (const e of failed) expect(e).not.toContain('\n')
    expect(articleCount(t.lib)).toBe(n)
    expect(checkLibrary(t.lib).problems).toEqual([])
    expect(progress[progress.length - 1]).toBe(n + 3)
  })

  it('stores the article exactly as prepared on the worker: provenance, format, encoding and word count', async () => {
    t = tempLibrary()
    const folder = join(t.dir, 'in')
    mkdirSync(folder)
    for (let i = 0; i < POOL_MIN_ITEMS; i++) writeFileSync(join(folder, `a${String(i).padStart(2, '0')}.txt`), article(i))
    const report = await importItems(t.lib, await itemsFromPaths([folder]))
    const first = report.outcomes[0]
    if (!('id' in first)) throw new Error(first.error)
    const a = getArticle(t.lib, first.id)
    expect(a.provenance).toMatchObject({ source: join(folder, 'a00.txt'), format: 'text', encoding: 'UTF-8' })
    expect(a.wordCount).toBe(13)
    expect(a.html).toBe('<p>The committee met on a Tuesday and agreed on item 0. Minutes follow.</p>')
  })

  it('leaves the library exactly as it was when every file fails', async () => {
    t = tempLibrary()
    await importItems(t.lib, itemsFromContent([{ name: 'keep.txt', base64: Buffer.from(article(1)).toString('base64') }]))
    const before = snapshot(t.lib.db)
    const bad = ['', '\0\0\0\0', '%PDF-1.7 not really a pdf', '<html>' + '<div>'.repeat(10_000)].map((s, i) => ({
      name: ['empty.txt', 'nul.txt', 'fake.pdf', 'deep.txt'][i],
      base64: Buffer.from(s).toString('base64')
    }))
    const report = await importItems(t.lib, itemsFromContent(bad.slice(0, 3)))
    expect(errors(report.outcomes)).toHaveLength(3)
    expect(snapshot(t.lib.db)).toEqual(before)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })

  it('stops between files when cancelled and keeps what was imported', async () => {
    t = tempLibrary()
    const ctrl = new AbortController()
    const files = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}.txt`, base64: Buffer.from(article(i)).toString('base64') }))
    const report = await importItems(t.lib, itemsFromContent(files), {
      signal: ctrl.signal,
      // Progress counts committed files; groups of two let it reach 2 before the end.
      groupMaxArticles: 2,
      onProgress: (p) => {
        if (p.done === 2) ctrl.abort()
      }
    })
    expect(report.cancelled).toBe(true)
    expect(report.outcomes).toHaveLength(2)
    expect(articleCount(t.lib)).toBe(2)
    expect(checkLibrary(t.lib).problems).toEqual([])
  })
})
