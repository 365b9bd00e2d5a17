import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { syncTemps } from './sync-files'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('flushing a Markdown export’s files before they are renamed into place', () => {
  it('flushes them in one call, or file by file when that call is not available', async () => {
    dir = mkdtempSync(join(tmpdir(), 'scholia-sync-'))
    const files = Array.from({ length: 40 }, (_, i) => join(dir, `${i}.md`))
    for (const f of files) writeFileSync(f, `note ${f}`)
    await expect(syncTemps(dir, files)).resolves.toBeUndefined()
    const path = process.env.PATH
    process.env.PATH = '' // no `sync` command: the portable path opens and flushes each file
    try {
      await expect(syncTemps(dir, files)).resolves.toBeUndefined()
      await expect(syncTemps(dir, [...files, join(dir, 'gone.md')])).rejects.toMatchObject({ code: 'ENOENT' })
    } finally {
      process.env.PATH = path
    }
  })
})
