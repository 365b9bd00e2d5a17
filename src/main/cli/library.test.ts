import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli'
import { DIGEST_FILE, tempLibraryPath } from '../core/testing/temp-library'

let dir: string
let db: string

/** Imports the sample digest (one article per item) and returns the listed articles. */
async function imported(): Promise<Record<string, unknown>[]> {
  const file = join(dir, 'digest.txt')
  copyFileSync(DIGEST_FILE, file)
  expect((await runCli(['import', file, '--db', db, '--json'])).code).toBe(0)
  return jsonLines((await runCli(['list', '--db', db, '--json'])).stdout)
}
const cli = (...args: string[]) => runCli([...args, '--db', db])

let dispose: () => void
beforeEach(() => {
  ;({ dir, path: db, dispose } = tempLibraryPath())
})
afterEach(() => dispose())

describe('scholia list, search and tag', () => {
  it('tags articles, lists by tag (children included) and by query, with the documented JSON fields', async () => {
    const all = await imported()
    expect(all.length).toBeGreaterThan(3)
    expect(Object.keys(all[0])).toEqual(['id', 'title', 'author', 'published', 'source', 'tags', 'annotations'])
    const [a, b] = all.map((r) => String(r.id))
    expect((await cli('tag', a, b, '--add', 'region/kazakhstan', 'review')).code).toBe(0)
    expect((await cli('tag', b, '--remove', 'review')).code).toBe(0)
    const byTag = jsonLines((await cli('list', '--tag', 'region', '--json')).stdout)
    expect(byTag.map((r) => r.id).sort()).toEqual([a, b].sort())
    expect(byTag.find((r) => r.id === a)?.tags).toEqual(expect.arrayContaining(['region/kazakhstan', 'review']))
    expect(byTag.find((r) => r.id === b)?.tags).not.toContain('review')
    const both = jsonLines((await cli('list', '--tag', 'region', '--tag', 'review', '--json')).stdout)
    expect(both.map((r) => r.id)).toEqual([a])
    const byQuery = jsonLines((await cli('list', '--query', 'Zas tag:region', '--json')).stdout)
    expect(byQuery.every((r) => [a, b].includes(String(r.id)))).toBe(true)
  })

  it('search prints JSON Lines with id, title and a snippet with the terms marked, and annotation ids for highlights', async () => {
    const all = await imported()
    const zas = all.find((r) => String(r.title).startsWith('Stanislav Zas'))!
    const hl = await cli('highlight', String(zas.id), '--quote', 'the CSTO is constantly improving', '--note', 'the key promise', '--json')
    expect(hl.stderr).toBe('')
    const annotationId = jsonLines(hl.stdout)[0].id
    const lines = jsonLines((await cli('search', 'improving', '--json')).stdout)
    expect(lines.length).toBeGreaterThan(0)
    for (const l of lines) {
      expect(l).toHaveProperty('id')
      expect(l).toHaveProperty('title')
      expect(String(l.snippet)).toMatch(/\[improving\]/i)
    }
    expect(lines.find((l) => l.annotation === annotationId)).toMatchObject({ id: zas.id, kind: 'annotation' })
    const notes = jsonLines((await cli('search', 'promise in:notes', '--limit', '5', '--json')).stdout)
    expect(notes).toEqual([expect.objectContaining({ annotation: annotationId, snippet: 'the key [promise]' })])
  })

  it('renames and merges tags from the command line', async () => {
    const [a, b] = (await imported()).map((r) => String(r.id))
    await cli('tag', a, '--add', 'kz/almaty')
    await cli('tag', b, '--add', 'region/kazakhstan')
    expect((await cli('tag', '--rename', 'kz', 'Kaz')).code).toBe(0)
    expect((await cli('tag', '--merge', 'Kaz', 'region/kazakhstan')).code).toBe(0)
    const tree = jsonLines((await cli('tag', '--list', '--json')).stdout).map((n) => `${n.path}:${n.articles}`)
    expect(tree).toContain('region/kazakhstan:2')
    expect(tree).toContain('region/kazakhstan/almaty:1')
    expect(tree.some((t) => t.startsWith('Kaz'))).toBe(false)
  })

  it('fails with one line that says what to do', async () => {
    await imported()
    const bad = await cli('search', 'colour:mauve')
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/^error: search: unknown colour "mauve" — use one of yellow/)
    expect((await cli('tag', '--rename', 'nothing', 'x')).stderr).toMatch(/^error: no tag "nothing"/)
    expect((await cli('tag', '00000000-0000-4000-8000-000000000000', '--add', 'x')).stderr).toMatch(/^error: no article with id/)
    expect((await cli('tag', '--merge', 'a')).stderr).toMatch(/--merge takes two tags/)
    expect((await cli('search', 'x', '--limit', 'lots')).stderr).toMatch(/--limit lots — give a whole number/)
  })
})
