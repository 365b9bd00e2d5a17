import { parse } from 'csv-parse/sync'
import { ExportScope } from '../../../shared/api/export'
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runExport } from './run'
import { fillExportFixture, stableIds, TRICKY_TITLE, type FixtureIds } from './test-library'
import { tempLibrary } from '../testing/temp-library'
import type { Library } from '../library'
import { previewMarkdown, clipboardFor } from './preview'
import { DEFAULT_TEMPLATE } from './template'

const FIXTURES = new URL('./fixtures/', import.meta.url)
const NOW = '2024-05-01T12:00:00.000Z'
/** UPDATE_FIXTURES=1 rewrites the expected files from the current output (then review the diff). */
const UPDATE = process.env.UPDATE_FIXTURES === '1'

function expectFixture(name: string, actual: string): void {
  const path = new URL(name, FIXTURES)
  if (UPDATE || !existsSync(path)) writeFileSync(path, actual)
  expect(actual).toBe(readFileSync(path, 'utf8'))
}

let t: ReturnType<typeof tempLibrary>
let lib: Library
let ids: FixtureIds

beforeEach(() => {
  t = tempLibrary()
  lib = t.lib
  ids = fillExportFixture(lib)
})
afterEach(() => t.dispose())

const out = (name: string) => join(t.dir, name)

describe('Markdown export', () => {
  it('writes one file per article, named from its title, matching the expected files', async () => {
    const r = await runExport(lib, { scope: { kind: 'all' }, format: 'md', out: out('vault'), now: NOW })
    expect(r).toMatchObject({ articles: 3, annotations: 7, files: 3, download: null })
    const names = readdirSync(out('vault')).sort()
    // The path characters, quotes and angle brackets cannot reach the file system.
    expect(names).toEqual(['CON script alert( t ) script a b.md', 'Reading the ice.md', 'Ледники отступают.md'])
    for (const name of names) expectFixture(`md-${name.replace(/[^\p{L}\p{N}.]+/gu, '_')}`, stableIds(readFileSync(join(out('vault'), name), 'utf8')))
  })

  it('puts front matter, the article note, then highlights in reading order with note, colour and tags', async () => {
    await runExport(lib, { scope: { kind: 'article', id: ids.english }, format: 'md', out: out('v') })
    const md = readFileSync(join(out('v'), 'Reading the ice.md'), 'utf8')
    expect(md).toMatch(/^---\ntitle: "Reading the ice"\nauthor: "Jane Doe"\npublished: 2024-03-15\n/)
    expect(md).toContain(`scholia_id: ${ids.english}\n---`)
    expect(md.indexOf('Cite in **chapter 2**.')).toBeLessThan(md.indexOf('> a hundred thousand years'))
    expect(md).toContain('> a hundred thousand years\n\nCheck the *exact* figure.\n\ncolor:: green\ntags:: #to-check')
  })

  it('re-exporting into the same folder replaces its own files but never a file of the user', async () => {
    mkdirSync(out('vault'))
    writeFileSync(join(out('vault'), 'Reading the ice.md'), 'my own notes, not an export\n')
    await runExport(lib, { scope: { kind: 'article', id: ids.english }, format: 'md', out: out('vault') })
    await runExport(lib, { scope: { kind: 'article', id: ids.english }, format: 'md', out: out('vault') })
    expect(readFileSync(join(out('vault'), 'Reading the ice.md'), 'utf8')).toBe('my own notes, not an export\n')
    expect(readdirSync(out('vault')).sort()).toEqual(['Reading the ice (2).md', 'Reading the ice.md'])
  })

  it('follows a user template, and the preview shows exactly what the file will hold', async () => {
    const template = '# {{title}}\n{{#highlights}}- {{quote}} ({{color}}){{#creator}} — {{creator}}{{/creator}}\n{{/highlights}}'
    const preview = previewMarkdown(lib, { kind: 'article', id: ids.russian }, template)
    expect(preview).toEqual({ title: 'Ледники отступают', fileName: 'Ледники отступают.md', articles: 1, markdown: '# Ледники отступают\n- вечная мерзлота тает (green) — Аня\n' })
    await runExport(lib, { scope: { kind: 'article', id: ids.russian }, format: 'md', out: out('t'), template })
    expect(readFileSync(join(out('t'), 'Ледники отступают.md'), 'utf8')).toBe(preview!.markdown)
  })

  it('refuses a template with an unclosed section, naming the fix', async () => {
    await expect(runExport(lib, { scope: { kind: 'all' }, format: 'md', out: out('x'), template: '{{#highlights}} oops' })).rejects.toThrow(
      /template: .*close every \{\{#section\}\}/
    )
    expect(existsSync(out('x'))).toBe(false)
  })

  it('downloads one article as its .md file and several as a zip', async () => {
    const one = await runExport(lib, { scope: { kind: 'article', id: ids.english }, format: 'md' })
    expect(one.download).toMatchObject({ name: 'Reading the ice.md', mime: expect.stringContaining('text/markdown') })
    expect(Buffer.from(one.download!.base64, 'base64').toString('utf8')).toContain('> a hundred thousand years')
    const many = await runExport(lib, { scope: { kind: 'all' }, format: 'md', now: NOW })
    expect(many.download?.name).toBe('Scholia notes 2024-05-01.zip')
    expect(Buffer.from(many.download!.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK')
  })
})

describe('CSV export', () => {
  it('matches the expected file: one row per live annotation, UTF-8 with BOM, CRLF', async () => {
    await runExport(lib, { scope: { kind: 'all' }, format: 'csv', out: out('notes.csv'), now: NOW })
    const csv = readFileSync(out('notes.csv'), 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expectFixture('notes.csv', stableIds(csv))
  })

  it('reads back with a CSV parser: Cyrillic intact, quotes and line breaks kept, formulas neutralised', async () => {
    await runExport(lib, { scope: { kind: 'all' }, format: 'csv', out: out('notes.csv') })
    const rows = parse(readFileSync(out('notes.csv')), { bom: true, columns: true }) as Record<string, string>[]
    expect(rows).toHaveLength(7)
    const byQuote = new Map(rows.map((r) => [r.Quote, r]))
    expect(byQuote.get('вечная мерзлота тает')).toMatchObject({ Article: 'Ледники отступают', Author: 'Пётр Иванов', Note: 'Главный тезис — «мерзлота».', Tags: 'key; region/россия', Creator: 'Аня' })
    expect(byQuote.get('Line one of a poem,\nline two')?.Note).toBe('Two lines, "quoted", with a comma.\nAnd a second line.')
    // Every cell a spreadsheet would run as a formula starts with an apostrophe instead.
    expect(byQuote.get("'=SUM(A1:A9)")?.Note).toBe('\'=HYPERLINK("http://evil.example","click")')
    expect(byQuote.get("'+40%")?.Note).toBe("'+1 and <script>alert(1)</script>")
    expect(byQuote.get("'-5 °C")?.Note).toBe("'@SUM(1)")
    expect(byQuote.get("'@home")?.Note).toBe("'\tTabbed note")
    for (const r of rows) for (const cell of Object.values(r)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    // Deleted highlights are not rows.
    expect(rows.some((r) => r.Quote === 'ледники отступают')).toBe(false)
  })
})

describe('HTML export', () => {
  it('is one self-contained page: no script, every title and note escaped', async () => {
    await runExport(lib, { scope: { kind: 'all' }, format: 'html', out: out('notes.html') })
    const html = readFileSync(out('notes.html'), 'utf8')
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;')
    expect(html).toContain('+1 and &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain("default-src 'none'")
    expect(html).not.toMatch(/<(link|img|iframe)\b/i)
    expect(html).toContain('Ледники отступают')
    expect(html).toContain('@media print')
  })
})

describe('JSON-LD export', () => {
  it('is a W3C AnnotationCollection with selectors, bodies, creator and the tombstone kept apart', async () => {
    await runExport(lib, { scope: { kind: 'all' }, format: 'jsonld', out: out('notes.jsonld') })
    const doc = JSON.parse(readFileSync(out('notes.jsonld'), 'utf8'))
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 7, first: { type: 'AnnotationPage' } })
    expect(doc.first.items).toHaveLength(7)
    const permafrost = doc.first.items.find((a: { target: { selector: { exact?: string }[] } }) => a.target.selector[0].exact === 'вечная мерзлота тает')
    expect(permafrost).toMatchObject({
      id: expect.stringMatching(/^urn:uuid:[0-9a-f-]{36}$/),
      type: 'Annotation',
      motivation: 'commenting',
      creator: { type: 'Person', name: 'Аня' },
      created: '2024-03-16T09:30:00.000Z',
      modified: '2024-03-16T09:30:00.000Z',
      body: [
        { type: 'TextualBody', value: 'Главный тезис — «мерзлота».', format: 'text/markdown', purpose: 'commenting' },
        { type: 'TextualBody', value: 'key', purpose: 'tagging' },
        { type: 'TextualBody', value: 'region/россия', purpose: 'tagging' }
      ],
      target: {
        source: expect.stringMatching(/^urn:scholia:sha256:[0-9a-f]{64}$/),
        selector: [
          { type: 'TextQuoteSelector', exact: 'вечная мерзлота тает', prefix: expect.any(String), suffix: '.' },
          { type: 'TextPositionSelector', start: expect.any(Number), end: expect.any(Number) }
        ]
      },
      'scholia:color': 'green'
    })
    // A web article is its own target source.
    expect(doc.first.items.filter((a: { target: { source: string } }) => a.target.source === 'https://example.org/poem?a=1&b=2')).toHaveLength(5)
    expect(doc['scholia:tombstones']).toEqual([expect.objectContaining({ 'scholia:deleted': '2024-03-16T09:40:00.000Z' })])
  })
})

describe('clipboard', () => {
  it('copies chosen highlights as Markdown quotes under their article', async () => {
    const { lib: l } = t
    const id = (l.db.prepare("SELECT id FROM annotations WHERE exact = 'вечная мерзлота тает'").pluck().get() as string)
    expect(clipboardFor(l, { annotationIds: [id] })).toEqual({
      count: 1,
      markdown: '**Ледники отступают** — Пётр Иванов · /home/reader/articles/%D0%9B%D0%B5%D0%B4%D0%BD%D0%B8%D0%BA%D0%B8%20%D0%BE%D1%82%D1%81%D1%82%D1%83%D0%BF%D0%B0%D1%8E%D1%82.html\n\n> вечная мерзлота тает\n\nГлавный тезис — «мерзлота».\n'
    })
  })
})

describe('writing safely', () => {
  it('an unwritable folder gets a one-line error and no file, partial or whole', async () => {
    if (process.getuid?.() === 0) return // root writes anywhere; the permission cannot be tested
    mkdirSync(out('locked'))
    chmodSync(out('locked'), 0o500)
    await expect(runExport(lib, { scope: { kind: 'all' }, format: 'jsonld', out: join(out('locked'), 'n.jsonld') })).rejects.toThrow(/not writable/)
    expect(readdirSync(out('locked'))).toEqual([])
  })

  it('a missing folder is named in the error and nothing is created', async () => {
    await expect(runExport(lib, { scope: { kind: 'all' }, format: 'csv', out: out('no/such/n.csv') })).rejects.toThrow(/folder .*no\/such does not exist/)
    expect(existsSync(out('no'))).toBe(false)
  })

  it('a failure mid-way (a full disk) removes the temp file and leaves the old export in place', async () => {
    writeFileSync(out('n.jsonld'), 'previous export')
    await expect(
      runExport(lib, {
        scope: { kind: 'all' }, format: 'jsonld', out: out('n.jsonld'),
        onProgress: (p) => {
          if (p.done > 0) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        }
      })
    ).rejects.toThrow()
    expect(readdirSync(t.dir).filter((f) => f.includes('scholia-tmp'))).toEqual([])
    expect(readFileSync(out('n.jsonld'), 'utf8')).toBe('previous export')
  })

  it('a Markdown export that fails mid-way leaves the folder as it was, and a new folder is not created', async () => {
    const failing = (out: string) =>
      runExport(lib, {
        scope: { kind: 'all' }, format: 'md', out,
        onProgress: (p) => {
          if (p.done > 0) throw Object.assign(new Error('no space'), { code: 'ENOSPC' })
        }
      })
    mkdirSync(out('vault'))
    writeFileSync(out('vault/mine.md'), 'mine')
    await expect(failing(out('vault'))).rejects.toThrow()
    expect(readdirSync(out('vault'))).toEqual(['mine.md'])
    await expect(failing(out('new/vault'))).rejects.toThrow()
    expect(readdirSync(out('new'))).toEqual([])
    // And when it succeeds, only the notes are there: no temp folder left beside them.
    await runExport(lib, { scope: { kind: 'all' }, format: 'md', out: out('new/vault') })
    expect(readdirSync(out('new'))).toEqual(['vault'])
    expect(readdirSync(out('new/vault'))).toHaveLength(3)
  })

  it('a folder given for a single-file format gets a dated file name; a bare name gets the extension', async () => {
    mkdirSync(out('dest'))
    const r = await runExport(lib, { scope: { kind: 'tag', tag: 'science' }, format: 'html', out: out('dest'), now: NOW })
    expect(r.path).toBe(join(out('dest'), 'Scholia notes 2024-05-01.html'))
    expect(r.articles).toBe(2)
    const bare = await runExport(lib, { scope: { kind: 'all' }, format: 'csv', out: out('notes') })
    expect(bare.path).toBe(out('notes.csv'))
  })

  it('says which tag is unknown', async () => {
    await expect(runExport(lib, { scope: { kind: 'tag', tag: 'nope' }, format: 'csv' })).rejects.toThrow(/no tag "nope"/)
  })
})

describe('scopes', () => {
  it('exports what the current search or filter shows', async () => {
    const r = await runExport(lib, { scope: ExportScope.parse({ kind: 'filter', filter: { query: 'мерзлота' } }), format: 'csv' })
    expect(r.articles).toBe(1)
    expect(r.annotations).toBe(1)
    expect(TRICKY_TITLE).toContain('CON')
    expect(DEFAULT_TEMPLATE).toContain('{{frontMatter}}')
  })

  it('exports "all matching" minus the rows deselected afterwards', async () => {
    const all = await runExport(lib, { scope: ExportScope.parse({ kind: 'selection', selection: { filter: {} } }), format: 'csv' })
    expect(all.articles).toBe(3)
    const some = await runExport(lib, {
      scope: ExportScope.parse({ kind: 'selection', selection: { filter: {}, except: [ids.tricky] } }),
      format: 'csv'
    })
    expect(some.articles).toBe(2)
    expect(Buffer.from(some.download!.base64, 'base64').toString('utf8')).not.toContain('=SUM')
  })
})

describe('the export API', () => {
  it('validates its arguments by name and says when a native dialog is not available', async () => {
    const { call } = await import('../annotations/test-library')
    expect(await call(lib, 'export.run', { scope: { kind: 'all' }, format: 'docx' as never })).toMatchObject({
      ok: false,
      error: { code: 'invalid_argument', message: expect.stringContaining('export.run: invalid format') }
    })
    expect(await call(lib, 'export.run', { scope: { kind: 'article', id: 'nope' }, format: 'csv' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('scope.id') }
    })
    expect(await call(lib, 'export.chooseDestination', { format: 'md' })).toMatchObject({ ok: false, error: { code: 'unsupported' } })
    const saved = await call(lib, 'export.saveTemplate', { template: '{{#highlights}}' })
    expect(saved).toMatchObject({ ok: false, error: { code: 'invalid_argument', message: expect.stringContaining('template:') } })
    expect(await call(lib, 'export.saveTemplate', { template: '# {{title}}\n' })).toEqual({ ok: true, result: null })
    expect(await call(lib, 'export.template', {})).toMatchObject({ ok: true, result: { template: '# {{title}}\n', defaultTemplate: DEFAULT_TEMPLATE } })
    const copy = await call(lib, 'export.clipboard', { scope: { kind: 'tag', tag: 'poetry' } })
    expect(copy).toMatchObject({ ok: true, result: { count: 5, markdown: expect.stringContaining('> =SUM(A1:A9)') } })
  })
})
