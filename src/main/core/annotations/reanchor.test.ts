import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getArticle } from '../articles/repo'
import { importItems } from '../import/pipeline'
import { itemsFromPaths } from '../import/items'
import type { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { annotationCount, FIXTURE_PATH, ok, rangeOf, rowidOf, searchAnnotations, tempLibrary } from './test-library'

let lib: Library
let dispose: () => void
let file: string
let original: string

/** Imports the digest file as it is now on disk; returns the interview's article id and text. */
async function importDigest(): Promise<{ id: string; text: string; status: string }> {
  const report = await importItems(lib, await itemsFromPaths([file]), { workers: 'never' })
  const interview = report.outcomes.find((o) => 'title' in o && o.title.startsWith('Stanislav Zas'))
  if (!interview || !('id' in interview)) throw new Error(`interview not imported: ${JSON.stringify(report.outcomes)}`)
  return { id: interview.id, text: getArticle(lib, interview.id).text, status: interview.status }
}

/** The original file with one edit, saved over it (a changed version of the same source). */
function edit(change: (s: string) => string): void {
  const changed = change(original)
  if (changed === original) throw new Error('edit changed nothing')
  writeFileSync(file, changed)
}

const INSERTED =
  'Editor’s note: this interview was first published in May 2022 and has been reproduced here with the permission of the newspaper.\n\n'
const KEPT = 'The main indicator of the effectiveness of our work is the state of collective security'
const DELETED_PARAGRAPH_START = 'In the area of the operation our servicemen acted professionally'
const ORPHANED = 'our servicemen acted professionally: clearly and coherently'

function paragraphStartingWith(s: string, start: string): string {
  const at = s.indexOf(start)
  return s.slice(at, s.indexOf('\n\n', at) + 2)
}

beforeEach(() => {
  const t = tempLibrary()
  ;({ lib, dispose } = t)
  file = join(t.dir, 'news-digest-csto.txt')
  copyFileSync(FIXTURE_PATH, file)
  original = readFileSync(file, 'utf8')
})
afterEach(() => dispose())

describe('re-importing an edited article', () => {
  it('keeps highlights on the same words and orphans the one whose passage was deleted, keeping its quote and note', async () => {
    const before = await importDigest()
    const kept = await ok(lib, 'annotations.create', {
      articleId: before.id, ...rangeOf(before.text, KEPT), color: 'green', note: 'the key metric', tags: ['metrics']
    })
    const lost = await ok(lib, 'annotations.create', {
      articleId: before.id, ...rangeOf(before.text, ORPHANED), note: 'check against the ministry statement'
    })

    edit((s) => s.replace('The CSTO is considering the possibility', INSERTED + 'The CSTO is considering the possibility')
      .replace(paragraphStartingWith(s, DELETED_PARAGRAPH_START), ''))
    const after = await importDigest()
    expect(after).toMatchObject({ id: before.id, status: 'updated' })
    expect(after.text).not.toContain(ORPHANED)

    const list = await ok(lib, 'annotations.list', { articleId: before.id })
    expect(list.map((a) => a.id)).toEqual([kept.id, lost.id])
    const [moved, orphan] = list
    expect(moved).toMatchObject({ exact: KEPT, color: 'green', note: 'the key metric', tags: ['metrics'], orphaned: false })
    expect(after.text.slice(moved.start, moved.end)).toBe(KEPT)
    expect(moved.start).toBe(after.text.indexOf(KEPT))
    expect(moved.start).not.toBe(kept.start)
    expect(moved.updatedAt >= kept.updatedAt).toBe(true)
    expect(orphan).toMatchObject({ exact: ORPHANED, note: 'check against the ministry statement', orphaned: true })

    expect(annotationCount(lib, before.id)).toBe(2)
    expect(searchAnnotations(lib, 'ministry')).toEqual([rowidOf(lib, lost.id)])
    expect(checkLibrary(lib)).toEqual({ ok: true, problems: [] })
  })

  it('an orphaned highlight is re-attached by selecting new words', async () => {
    const before = await importDigest()
    const lost = await ok(lib, 'annotations.create', { articleId: before.id, ...rangeOf(before.text, ORPHANED), note: 'keep' })
    edit((s) => s.replace(paragraphStartingWith(s, DELETED_PARAGRAPH_START), ''))
    const after = await importDigest()
    expect((await ok(lib, 'annotations.list', { articleId: after.id }))[0].orphaned).toBe(true)

    const reattached = await ok(lib, 'annotations.update', { id: lost.id, range: rangeOf(after.text, KEPT) })
    expect(reattached).toMatchObject({ id: lost.id, exact: KEPT, note: 'keep', orphaned: false })
    expect(after.text.slice(reattached.start, reattached.end)).toBe(KEPT)
  })

  it('a highlight whose passage comes back in a later version is placed again', async () => {
    const first = await importDigest()
    const a = await ok(lib, 'annotations.create', { articleId: first.id, ...rangeOf(first.text, ORPHANED) })
    edit((s) => s.replace(paragraphStartingWith(s, DELETED_PARAGRAPH_START), ''))
    await importDigest()
    expect((await ok(lib, 'annotations.list', { articleId: first.id }))[0].orphaned).toBe(true)
    writeFileSync(file, INSERTED + original)
    const third = await importDigest()
    const [back] = await ok(lib, 'annotations.list', { articleId: first.id })
    expect(back).toMatchObject({ id: a.id, exact: ORPHANED, orphaned: false })
    expect(third.text.slice(back.start, back.end)).toBe(ORPHANED)
  })

  it('a highlight deleted before the re-import comes back on the right words when restored', async () => {
    const before = await importDigest()
    const a = await ok(lib, 'annotations.create', { articleId: before.id, ...rangeOf(before.text, KEPT) })
    await ok(lib, 'annotations.delete', { id: a.id })
    edit((s) => s.replace('The CSTO is considering the possibility', INSERTED + 'The CSTO is considering the possibility'))
    const after = await importDigest()
    const restored = await ok(lib, 'annotations.restore', { id: a.id })
    expect(restored).toMatchObject({ exact: KEPT, orphaned: false })
    expect(after.text.slice(restored.start, restored.end)).toBe(KEPT)
  })

  it('words edited inside a highlight keep it on the edited passage, and search follows the new words', async () => {
    const before = await importDigest()
    const quote = 'The CSTO is considering the possibility of deploying a peacekeeping contingent of the Organization'
    const a = await ok(lib, 'annotations.create', { articleId: before.id, ...rangeOf(before.text, quote) })
    const edited = quote.replace('considering', 'weighing')
    edit((s) => s.replace(quote, edited))
    const after = await importDigest()
    const [placed] = await ok(lib, 'annotations.list', { articleId: before.id })
    expect(placed).toMatchObject({ id: a.id, exact: edited, orphaned: false })
    expect(after.text.slice(placed.start, placed.end)).toBe(edited)
    expect(searchAnnotations(lib, 'weighing')).toEqual([rowidOf(lib, a.id)])
    expect(searchAnnotations(lib, 'considering')).toEqual([])
  })
})
