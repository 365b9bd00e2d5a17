import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FILES_PER_MESSAGE, WriterThread } from './writer-thread'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-writer-thread-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('the export writer thread', () => {
  it('writes every queued file whole, in more messages than one', async () => {
    const t = new WriterThread()
    const n = FILES_PER_MESSAGE * 3 + 5
    for (let i = 0; i < n; i++) t.write(join(dir, `${i}.md`), `Заметка ${i}\n`.repeat(i + 1))
    await t.drained()
    await t.stop()
    expect(readdirSync(dir)).toHaveLength(n)
    expect(readFileSync(join(dir, '7.md'), 'utf8')).toBe('Заметка 7\n'.repeat(8))
  })

  it('reports the first failure with its code and path, and writes nothing after it', async () => {
    writeFileSync(join(dir, 'b.md'), 'the user’s own')
    const t = new WriterThread()
    t.write(join(dir, 'a.md'), 'a')
    t.write(join(dir, 'b.md'), 'would replace the user’s file')
    t.write(join(dir, 'c.md'), 'c')
    await expect(t.drained()).rejects.toMatchObject({ code: 'EEXIST', path: join(dir, 'b.md') })
    await t.stop()
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'b.md'])
    expect(readFileSync(join(dir, 'b.md'), 'utf8')).toBe('the user’s own')
  })

  it('waits only while more than the allowed backlog is queued', async () => {
    const t = new WriterThread()
    for (let i = 0; i < 10; i++) t.write(join(dir, `${i}.md`), 'x'.repeat(1000))
    // Nothing sent yet (under one message), so nothing to wait for at any backlog above 0.
    await t.drained(1)
    await t.drained(0)
    await t.stop()
    expect(readdirSync(dir)).toHaveLength(10)
  })

  it('once stopped, writes nothing more', async () => {
    const t = new WriterThread()
    await t.stop()
    t.write(join(dir, 'late.md'), 'late')
    await t.stop()
    expect(readdirSync(dir)).toEqual([])
  })
})
