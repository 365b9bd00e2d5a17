import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { jsonLines, runCli } from './run-cli'
import { DIGEST_FILE, tempLibraryPath } from '../core/testing/temp-library'

const MISSING_ID = '00000000-0000-4000-8000-000000000000'
const FIELDS = ['id', 'exact', 'start', 'end', 'color', 'note', 'tags', 'orphaned']

let dir: string
let db: string
let file: string

/** Imports the digest (copied into the temp folder) and returns the interview's id. */
async function importInterview(): Promise<string> {
  const r = await runCli(['import', file, '--db', db, '--json'])
  expect(r.code).toBe(0)
  const interview = jsonLines(r.stdout).find((l) => String(l.title).startsWith('Stanislav Zas'))
  return String(interview?.id)
}

async function highlight(id: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runCli(['highlight', id, ...args, '--db', db])
}

let dispose: () => void
beforeEach(() => {
  ;({ dir, path: db, dispose } = tempLibraryPath())
  file = join(dir, 'news-digest-csto.txt')
  copyFileSync(DIGEST_FILE, file)
})
afterEach(() => dispose())

describe('scholia highlight', () => {
  it('highlights a quote with note, colour and tags and prints the annotation as JSON', async () => {
    const id = await importInterview()
    const quote = 'the CSTO is constantly improving'
    const r = await highlight(id, '--quote', quote, '--note', 'see **2023** plan', '--color', 'green', '--tag', 'csto', '--tag', 'topic/reform', '--json')
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const a = JSON.parse(r.stdout)
    expect(Object.keys(a)).toEqual(expect.arrayContaining(FIELDS))
    expect(a).toMatchObject({ exact: quote, color: 'green', note: 'see **2023** plan', tags: ['csto', 'topic/reform'], orphaned: false })
    expect(a.end - a.start).toBe(quote.length)
  })

  it('picks the occurrence of a repeated phrase that the suffix points at, else the first', async () => {
    const id = await importInterview()
    const phrase = 'all member States'
    const first = JSON.parse((await highlight(id, '--quote', phrase, '--json')).stdout)
    const later = JSON.parse((await highlight(id, '--quote', phrase, '--suffix', ' and under a UN mandate', '--color', 'blue', '--json')).stdout)
    expect(first.exact).toBe(phrase)
    expect(later.exact).toBe(phrase)
    expect(later.start).toBeGreaterThan(first.start)
    expect(later.suffix.startsWith(' and under a UN mandate')).toBe(true)
    expect(first.suffix.startsWith(' and under a UN mandate')).toBe(false)
  })

  it('running the same highlight twice gives the same annotation, not a duplicate', async () => {
    const id = await importInterview()
    const a = JSON.parse((await highlight(id, '--quote', 'double anniversary', '--json')).stdout)
    const b = JSON.parse((await highlight(id, '--quote', 'double anniversary', '--json')).stdout)
    expect(b.id).toBe(a.id)
    expect(jsonLines((await runCli(['annotations', id, '--db', db, '--json'])).stdout)).toHaveLength(1)
  })

  it('says clearly when the quote is not in the article, exit 1', async () => {
    const id = await importInterview()
    const r = await highlight(id, '--quote', 'the CSTO has been dissolved')
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`error: quote not found in article ${id} — check the text (it must match the article exactly)\n`)
  })

  it('refuses an unknown article, a bad colour and a bad tag with one line each, exit 1', async () => {
    const id = await importInterview()
    for (const [args, message] of [
      [[MISSING_ID, '--quote', 'CSTO'], `no article with id ${MISSING_ID}`],
      [[id, '--quote', 'CSTO', '--color', 'mauve'], 'invalid --color'],
      [[id, '--quote', 'CSTO', '--tag', 'a//b'], 'empty part'],
      [[id, '--quote', ' '], 'selection is empty']
    ] as const) {
      const r = await highlight(...(args as unknown as [string, ...string[]]))
      expect(r.code).toBe(1)
      expect(r.stderr.trim().split('\n')).toHaveLength(1)
      expect(r.stderr).toContain(message)
    }
    expect(jsonLines((await runCli(['annotations', id, '--db', db, '--json'])).stdout)).toEqual([])
  })
})

describe('scholia annotations', () => {
  it('lists highlights in reading order as JSON Lines, whatever order they were made in', async () => {
    const id = await importInterview()
    await highlight(id, '--quote', 'The main indicator of the effectiveness')
    await highlight(id, '--quote', 'double anniversary', '--note', 'dates')
    const r = await runCli(['annotations', id, '--db', db, '--json'])
    expect(r.code).toBe(0)
    const lines = jsonLines(r.stdout)
    expect(lines.map((l) => l.exact)).toEqual(['double anniversary', 'The main indicator of the effectiveness'])
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(FIELDS))
    expect(lines[0]).toMatchObject({ note: 'dates', color: 'yellow', tags: [], orphaned: false })

    const human = await runCli(['annotations', id, '--db', db])
    expect(human.stdout.trim().split('\n')).toHaveLength(2)
    expect(human.stdout).toContain('“double anniversary”')
  })

  it('after an edited re-import, lists the highlight whose passage was deleted as orphaned, last, with its quote and note', async () => {
    const id = await importInterview()
    const gone = 'our servicemen acted professionally: clearly and coherently'
    await highlight(id, '--quote', gone, '--note', 'verify')
    await highlight(id, '--quote', 'The main indicator of the effectiveness')
    const text = readFileSync(file, 'utf8')
    const at = text.indexOf('In the area of the operation')
    writeFileSync(file, text.slice(0, at) + text.slice(text.indexOf('\n\n', at) + 2))
    await importInterview()

    const lines = jsonLines((await runCli(['annotations', id, '--db', db, '--json'])).stdout)
    expect(lines.map((l) => [l.exact, l.orphaned])).toEqual([
      ['The main indicator of the effectiveness', false],
      [gone, true]
    ])
    expect(lines[1].note).toBe('verify')
    expect((await runCli(['annotations', id, '--db', db])).stdout).toContain('(orphaned)')
  })

  it('refuses an unknown article with one line, exit 1', async () => {
    await importInterview()
    const r = await runCli(['annotations', MISSING_ID, '--db', db, '--json'])
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`error: no article with id ${MISSING_ID} — it may have been deleted; list articles with 'scholia list'\n`)
  })
})
