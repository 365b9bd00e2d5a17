import { describe, expect, it } from 'vitest'
import { call, fixtureText, ok, rangeOf, storeText } from './test-library'
import { useTempLibrary } from '../testing/temp-library'

const t = useTempLibrary()

describe('what the reader paints of an article’s highlights', () => {
  it('lists the live, placed highlights in reading order, the same ones and places annotations.list gives', async () => {
    const { lib } = t
    const text = fixtureText()
    const articleId = storeText(lib, text)
    const later = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'Kazakhstan', 2_000), color: 'green' })
    const early = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'CSTO'), color: 'blue' })
    const gone = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'the', 500) })
    await ok(lib, 'annotations.delete', { id: gone.id })
    const orphan = await ok(lib, 'annotations.create', { articleId, ...rangeOf(text, 'security', 100) })
    lib.write(() => lib.db.prepare('UPDATE annotations SET orphaned = 1 WHERE id = ?').run(orphan.id))

    const spans = await ok(lib, 'annotations.spans', { articleId })
    expect(spans).toEqual({
      ids: [early.id, later.id],
      starts: [early.start, later.start],
      ends: [early.end, later.end],
      colors: ['blue', 'green']
    })
    const placed = (await ok(lib, 'annotations.list', { articleId })).filter((a) => !a.orphaned)
    expect(placed.map((a) => [a.id, a.start, a.end, a.color])).toEqual(spans.ids.map((id, i) => [id, spans.starts[i], spans.ends[i], spans.colors[i]]))
  })

  it('an article without highlights has empty columns; an unknown one is not_found', async () => {
    const { lib } = t
    const articleId = storeText(lib, 'Nothing highlighted here.')
    expect(await ok(lib, 'annotations.spans', { articleId })).toEqual({ ids: [], starts: [], ends: [], colors: [] })
    const r = await call(lib, 'annotations.spans', { articleId: '00000000-0000-0000-0000-000000000000' })
    expect(r.ok ? null : r.error.code).toBe('not_found')
  })
})
