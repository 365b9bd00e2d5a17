import { describe, expect, it } from 'vitest'
import type { Annotation } from '@shared/model'
import { byReadingOrder, withInserted } from './reading-order'

const note = (id: string, start: number, end: number, createdAt = '2026-01-01T00:00:00.000Z'): Annotation => ({
  id, articleId: 'a', start, end, exact: '', prefix: '', suffix: '', color: 'yellow', note: '', tags: [],
  creator: null, createdAt, updatedAt: createdAt, orphaned: false
})

describe('a new highlight joins the list in reading order', () => {
  it('is inserted where it belongs, the list it came from left as it was', () => {
    const list = [note('a', 0, 5), note('b', 10, 20), note('c', 30, 40)]
    const out = withInserted(list, note('new', 12, 15))!
    expect(out.map((x) => x.id)).toEqual(['a', 'b', 'new', 'c'])
    expect(list.map((x) => x.id)).toEqual(['a', 'b', 'c'])
  })

  it('its saved copy takes the place of the pending one, even among highlights on the same words', () => {
    const pending = note('pending-1', 10, 20, '2026-01-01T00:00:00.000Z')
    const list = withInserted([note('a', 10, 20), note('b', 10, 20), note('c', 30, 40)], pending)!
    const saved = { ...note('saved', 10, 20, '2026-01-01T00:00:00.001Z') }
    const out = withInserted(list, saved, pending)!
    expect(out.map((x) => x.id)).toEqual(['a', 'b', 'saved', 'c'])
    expect(out.every((x, i) => i === 0 || byReadingOrder(out[i - 1], x) <= 0)).toBe(true)
  })

  it('says so when the one to replace is no longer there', () => {
    expect(withInserted([note('a', 0, 5)], note('saved', 1, 2), note('pending-1', 1, 2))).toBeNull()
  })
})
