import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fillExportFixture } from '../core/export/test-library'
import { tempLibrary } from '../core/testing/temp-library'
import { jsonLines, runCli } from './run-cli'

let a: ReturnType<typeof tempLibrary>
let b: ReturnType<typeof tempLibrary>
beforeEach(() => {
  a = tempLibrary()
  fillExportFixture(a.lib)
  a.lib.close()
  b = tempLibrary()
  b.lib.close()
})
afterEach(() => {
  a.dispose()
  b.dispose()
})

describe('scholia export', () => {
  it('writes each format where --out says, narrowed by --tag and --query', async () => {
    const md = await runCli(['--db', a.path, 'export', '--format', 'md', '--out', join(a.dir, 'vault'), '--tag', 'science'])
    expect(md).toMatchObject({ code: 0, stdout: expect.stringMatching(/^exported 2 annotation\(s\) from 2 article\(s\) to .*vault \(2 files\)\n$/) })
    expect(readdirSync(join(a.dir, 'vault')).sort()).toEqual(['Reading the ice.md', 'Ледники отступают.md'])
    const csv = await runCli(['--db', a.path, '--json', 'export', '--format', 'csv', '--out', join(a.dir, 'notes'), '--query', 'мерзлота'])
    expect(jsonLines(csv.stdout)).toEqual([{ format: 'csv', articles: 1, annotations: 1, path: join(a.dir, 'notes.csv'), files: 1 }])
    for (const format of ['jsonld', 'html', 'bundle']) {
      const r = await runCli(['--db', a.path, 'export', '--format', format, '--out', a.dir])
      expect(r.code).toBe(0)
    }
    expect(readdirSync(a.dir).filter((f) => f.startsWith('Scholia notes')).map((f) => f.split('.').pop()).sort()).toEqual(['html', 'jsonld', 'scholia'])
  })

  it('refuses an unknown format and a missing folder in one line, writing nothing', async () => {
    const bad = await runCli(['--db', a.path, 'export', '--format', 'docx', '--out', a.dir])
    expect(bad).toMatchObject({ code: 1, stderr: 'error: --format docx is not a format — use one of md, jsonld, csv, html, bundle\n' })
    const missing = await runCli(['--db', a.path, 'export', '--format', 'csv', '--out', join(a.dir, 'nope', 'x.csv')])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^error: folder .*nope does not exist — create it or choose another; nothing was written\n$/)
    expect(existsSync(join(a.dir, 'nope'))).toBe(false)
  })
})

describe('scholia import of shared notes', () => {
  it('routes .scholia and .jsonld files to the sharing importer and reports what each did', async () => {
    await runCli(['--db', a.path, 'export', '--format', 'bundle', '--out', join(a.dir, 'team.scholia')])
    await runCli(['--db', a.path, 'export', '--format', 'jsonld', '--out', join(a.dir, 'team.jsonld')])
    const r = await runCli(['--db', b.path, 'import', join(a.dir, 'team.scholia'), join(a.dir, 'team.jsonld')])
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(
      'notes    team.scholia: 7 added, 0 updated, 0 unchanged, 3 article(s) added — by Аня\n' +
        'notes    team.jsonld: 0 added, 0 updated, 7 unchanged — by Аня\n'
    )
    const list = await runCli(['--db', b.path, '--json', 'list'])
    expect(jsonLines(list.stdout)).toHaveLength(3)
  })

  it('fails with one line on a damaged file', async () => {
    const r = await runCli(['--db', b.path, 'import', join(a.dir, 'missing.jsonld')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^error: cannot read .*missing\.jsonld \(ENOENT\) — check the path and permissions\n$/)
  })
})
