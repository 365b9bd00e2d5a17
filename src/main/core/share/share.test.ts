import { zipSync, strToU8 } from 'fflate'
import { closeSync, openSync, readFileSync, ftruncateSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deleteAnnotation } from '../annotations/delete'
import { listAnnotations } from '../annotations/repo'
import { updateAnnotation } from '../annotations/update'
import { insertArticle } from '../articles/repo'
import { runExport } from '../export/run'
import { fillExportFixture, type FixtureIds } from '../export/test-library'
import type { Library } from '../library'
import { checkLibrary } from '../maintenance/check'
import { snapshot } from '../testing/snapshot'
import { tempLibrary } from '../testing/temp-library'
import { importShared, importSharedPath } from './import'
import { listPending } from './pending'

type Temp = ReturnType<typeof tempLibrary>
const temps: Temp[] = []
function library(): Temp {
  const t = tempLibrary()
  temps.push(t)
  return t
}
afterEach(() => {
  for (const t of temps.splice(0)) t.dispose()
})

/** Everything a user sees of every annotation, tombstones included, keyed by id. */
function annotationsOf(lib: Library): unknown[] {
  return (
    lib.db
      .prepare(
        `SELECT n.id, a.title, n.start_pos, n.end_pos, n.exact, n.prefix, n.suffix, n.color, n.note, n.creator, n.created_at,
           n.updated_at, n.deleted_at, n.orphaned,
           (SELECT group_concat(t.path, ',') FROM (SELECT t.path FROM annotation_tags nt JOIN tags t ON t.id = nt.tag_id
              WHERE nt.annotation_rowid = n.rowid ORDER BY t.path) t) AS tags
         FROM annotations n JOIN articles a ON a.id = n.article_id ORDER BY n.id`
      )
      .all()
  )
}

async function exportTo(lib: Library, dir: string, format: 'jsonld' | 'bundle'): Promise<Uint8Array> {
  const r = await runExport(lib, { scope: { kind: 'all' }, format, out: join(dir, `notes.${format === 'bundle' ? 'scholia' : 'jsonld'}`) })
  return new Uint8Array(readFileSync(r.path!))
}

/** B holds A's articles, imported on its own (its own ids and import times), but none of the annotations. */
function sameArticles(from: Library, to: Library): void {
  const rows = from.db
    .prepare('SELECT a.title, a.author, a.published, a.source, a.site, a.format, a.content_hash, c.html, c.text FROM articles a JOIN article_content c ON c.article_rowid = a.rowid')
    .all() as { title: string; author: string | null; published: string | null; source: string | null; site: string | null; format: string; content_hash: string; html: string; text: string }[]
  to.write(() => {
    for (const r of rows)
      insertArticle(to, { ...r, encoding: 'UTF-8', language: null, contentHash: r.content_hash })
  })
}

let A: Temp
let ids: FixtureIds
beforeEach(() => {
  A = library()
  ids = fillExportFixture(A.lib)
})

describe('sharing round trip', () => {
  it('a bundle brings every article, annotation, note, tag, colour, creator and selector into an empty library', async () => {
    const B = library()
    const s = await importShared(B.lib, { name: 'team.scholia', bytes: await exportTo(A.lib, A.dir, 'bundle') })
    expect(s).toMatchObject({ format: 'bundle', added: 7, articlesAdded: 3, pending: 0, orphaned: 0, rejected: [], creators: ['Аня'] })
    expect(annotationsOf(B.lib)).toEqual(annotationsOf(A.lib))
    // The articles come with their text, notes and tags, and keep their ids (their HTML is sanitised again on the way in).
    const article = (l: Library) =>
      l.db.prepare('SELECT a.id, a.title, a.author, a.published, a.source, a.note, c.text FROM articles a JOIN article_content c ON c.article_rowid = a.rowid ORDER BY a.id').all()
    expect(article(B.lib)).toEqual(article(A.lib))
    expect(B.lib.db.prepare("SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.path = 'region/россия'").pluck().get()).toBe(1)
    expect(checkLibrary(B.lib)).toEqual({ ok: true, problems: [] })
  })

  it('JSON-LD attaches to the same articles in a library that imported them itself', async () => {
    const B = library()
    sameArticles(A.lib, B.lib)
    const s = await importShared(B.lib, { name: 'notes.jsonld', bytes: await exportTo(A.lib, A.dir, 'jsonld') })
    expect(s).toMatchObject({ added: 7, pending: 0, orphaned: 0, rejected: [] })
    expect(annotationsOf(B.lib)).toEqual(annotationsOf(A.lib))
    const russian = B.lib.db.prepare("SELECT id FROM articles WHERE title = 'Ледники отступают'").pluck().get() as string
    expect(listAnnotations(B.lib, russian)).toEqual([expect.objectContaining({ exact: 'вечная мерзлота тает', creator: 'Аня', tags: ['key', 'region/россия'] })])
    expect(checkLibrary(B.lib)).toEqual({ ok: true, problems: [] })
  })

  it('JSON-LD read from disk, chunk by chunk, gives the same library as the same bytes uploaded', async () => {
    const B = library()
    const C = library()
    sameArticles(A.lib, B.lib)
    sameArticles(A.lib, C.lib)
    const r = await runExport(A.lib, { scope: { kind: 'all' }, format: 'jsonld', out: join(A.dir, 'notes.jsonld') })
    const fromDisk = await importSharedPath(B.lib, r.path!)
    const fromBytes = await importShared(C.lib, { name: 'notes.jsonld', bytes: new Uint8Array(readFileSync(r.path!)) })
    expect(fromDisk).toEqual(fromBytes)
    expect(fromDisk).toMatchObject({ file: 'notes.jsonld', added: 7, rejected: [] })
    expect(annotationsOf(B.lib)).toEqual(annotationsOf(A.lib))
  })

  it('importing the same file twice changes nothing', async () => {
    const B = library()
    const bundle = await exportTo(A.lib, A.dir, 'bundle')
    await importShared(B.lib, { name: 'team.scholia', bytes: bundle })
    const before = snapshot(B.lib.db)
    const again = await importShared(B.lib, { name: 'team.scholia', bytes: bundle })
    expect(again).toMatchObject({ added: 0, updated: 0, deleted: 0, unchanged: 7, articlesAdded: 0 })
    expect(snapshot(B.lib.db)).toEqual(before)
    const jsonld = await exportTo(A.lib, A.dir, 'jsonld')
    await importShared(B.lib, { name: 'n.jsonld', bytes: jsonld })
    expect(snapshot(B.lib.db)).toEqual(before)
  })

  it('edits on both sides merge by modification time, whichever side imports first', async () => {
    const B = library()
    await importShared(B.lib, { name: 'team.scholia', bytes: await exportTo(A.lib, A.dir, 'bundle') })
    const [x, y] = listAnnotations(A.lib, ids.tricky)
    // A edits x, then B edits x later; B alone edits y... and A alone edits the English highlight.
    updateAnnotation(A.lib, { id: x.id, note: 'A says' }, '2024-06-01T10:00:00.000Z')
    updateAnnotation(B.lib, { id: x.id, note: 'B says, later' }, '2024-06-01T11:00:00.000Z')
    updateAnnotation(B.lib, { id: y.id, color: 'green' }, '2024-06-01T09:00:00.000Z')
    const english = listAnnotations(A.lib, ids.english)[0]
    updateAnnotation(A.lib, { id: english.id, tags: ['to-check', 'done'] }, '2024-06-01T08:00:00.000Z')
    const fromA = await exportTo(A.lib, A.dir, 'jsonld')
    const fromB = await exportTo(B.lib, B.dir, 'jsonld')
    const intoB = await importShared(B.lib, { name: 'a.jsonld', bytes: fromA })
    const intoA = await importShared(A.lib, { name: 'b.jsonld', bytes: fromB })
    expect(intoB).toMatchObject({ updated: 1, unchanged: 6 })
    expect(intoA).toMatchObject({ updated: 2, unchanged: 5 })
    expect(annotationsOf(A.lib)).toEqual(annotationsOf(B.lib))
    const merged = new Map(listAnnotations(A.lib, ids.tricky).map((a) => [a.id, a]))
    expect(merged.get(x.id)?.note).toBe('B says, later')
    expect(merged.get(y.id)?.color).toBe('green')
    expect(listAnnotations(B.lib, ids.english)[0].tags).toEqual(['done', 'to-check'])
  })

  it('a delete propagates, and an older file cannot bring the annotation back', async () => {
    const B = library()
    const old = await exportTo(A.lib, A.dir, 'bundle')
    await importShared(B.lib, { name: 'team.scholia', bytes: old })
    const victim = listAnnotations(A.lib, ids.russian)[0]
    deleteAnnotation(A.lib, victim.id, '2024-07-01T00:00:00.000Z')
    const s = await importShared(B.lib, { name: 'n.jsonld', bytes: await exportTo(A.lib, A.dir, 'jsonld') })
    expect(s).toMatchObject({ deleted: 1, added: 0 })
    expect(listAnnotations(B.lib, ids.russian)).toEqual([])
    expect(B.lib.db.prepare('SELECT annotation_count FROM articles WHERE id = ?').pluck().get(ids.russian)).toBe(0)
    await importShared(B.lib, { name: 'old.scholia', bytes: old })
    expect(listAnnotations(B.lib, ids.russian)).toEqual([])
    expect(checkLibrary(B.lib)).toEqual({ ok: true, problems: [] })
  })
})

describe('annotations whose article is missing', () => {
  it('are kept aside, reported, and attached when their article arrives', async () => {
    const B = library()
    const s = await importShared(B.lib, { name: 'n.jsonld', bytes: await exportTo(A.lib, A.dir, 'jsonld') })
    expect(s).toMatchObject({ added: 0, pending: 7 })
    expect(s.missing.sort()).toEqual(['CON: <script>alert("t")</script> a/b?', 'Reading the ice', 'Ледники отступают'])
    expect(listPending(B.lib).count).toBe(7)
    const again = await importShared(B.lib, { name: 'n.jsonld', bytes: await exportTo(A.lib, A.dir, 'jsonld') })
    expect(again).toMatchObject({ pending: 7, added: 0 })
    sameArticles(A.lib, B.lib)
    const later = await importShared(B.lib, { name: 'other.jsonld', bytes: strToU8(JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: [] } })) })
    expect(later.attachedFromPending).toBe(8 - 1)
    expect(listPending(B.lib).count).toBe(0)
    expect(annotationsOf(B.lib)).toEqual(annotationsOf(A.lib))
  })
})

describe("a teammate's article with different text", () => {
  it('is matched by its web address and the annotation re-anchored by its quote', async () => {
    const B = library()
    // B's copy of the poem page has a new first paragraph: every offset moved.
    const text = 'Editor’s note: this poem was reprinted.\nLine one of a poem,\nline two of it.\n=SUM(A1:A9) is a formula in the text. Profit +40% and -5 °C, @home.'
    const html = text.split('\n').map((l) => `<p>${l}</p>`).join('')
    B.lib.write(() => insertArticle(B.lib, { title: 'Poem (reprint)', author: null, published: null, source: 'https://example.org/poem?a=1&b=2', site: null, format: 'html', encoding: 'UTF-8', language: null, html, text, contentHash: 'different' }))
    const s = await importShared(B.lib, { name: 'n.jsonld', bytes: await exportTo(A.lib, A.dir, 'jsonld') })
    expect(s).toMatchObject({ added: 5, pending: 2, orphaned: 0 })
    const poem = B.lib.db.prepare("SELECT id FROM articles WHERE title = 'Poem (reprint)'").pluck().get() as string
    const placed = listAnnotations(B.lib, poem)
    expect(placed.map((a) => text.slice(a.start, a.end))).toEqual(placed.map((a) => a.exact))
    expect(placed.find((a) => a.exact === '@home')).toMatchObject({ creator: 'Аня', start: text.indexOf('@home') })
  })
})

describe('bad input is refused in one line and changes nothing', () => {
  async function refused(bytes: Uint8Array, message: RegExp, name = 'bad.jsonld'): Promise<void> {
    const B = library()
    const before = snapshot(B.lib.db)
    await expect(importShared(B.lib, { name, bytes })).rejects.toThrow(message)
    expect(snapshot(B.lib.db)).toEqual(before)
  }
  const json = (v: unknown) => strToU8(JSON.stringify(v))

  it('malformed JSON', () => refused(strToU8('{"type": "AnnotationCollection", '), /^bad\.jsonld: not valid JSON .* the file may be damaged/))
  it('JSON of the wrong shape', () => refused(json({ hello: 'world' }), /not a Web Annotation file .*choose a \.jsonld export/))
  it('not UTF-8', () => refused(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /not UTF-8/))
  it('the same annotation id twice in one file', async () => {
    const doc = JSON.parse(Buffer.from(await exportTo(A.lib, A.dir, 'jsonld')).toString('utf8'))
    doc.first.items.push(doc.first.items[0])
    await refused(json(doc), /appears twice in the file/)
  })
  it('a bundle with a path that climbs out of the archive', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{"format":"scholia-bundle","version":1}'), '../../evil.html': strToU8('<script>') })
    await refused(zip, /unsafe path .*refusing it/, 'evil.scholia')
  })
  it('a zip bomb', async () => {
    const zip = zipSync({ 'manifest.json': strToU8('{"format":"scholia-bundle","version":1}'), 'annotations.jsonld': new Uint8Array(20 * 1024 * 1024) }, { level: 9 })
    await refused(zip, /compresses over 100:1 \(a zip bomb\?\)/, 'bomb.scholia')
  })
  it('a file too big to read, refused before reading it', async () => {
    const B = library()
    const path = join(B.dir, 'huge.jsonld')
    const fd = openSync(path, 'w')
    ftruncateSync(fd, 500 * 1024 * 1024)
    closeSync(fd)
    await expect(importSharedPath(B.lib, path)).rejects.toThrow(/huge\.jsonld: file is 500 MB, over the 200 MB limit for shared notes/)
  })

  it('annotations with out-of-range selectors are rejected with their reason while the rest go in', async () => {
    const B = library()
    const doc = JSON.parse(Buffer.from(await exportTo(A.lib, A.dir, 'bundle').then(() => exportTo(A.lib, A.dir, 'jsonld'))).toString('utf8'))
    doc.first.items[0].target.selector[1] = { type: 'TextPositionSelector', start: 9, end: 3 }
    doc.first.items[1].target.selector[1] = { type: 'TextPositionSelector', start: 5, end: 500_000 }
    doc.first.items[2]['scholia:color'] = 'ultraviolet'
    sameArticles(A.lib, B.lib)
    const s = await importShared(B.lib, { name: 'n.jsonld', bytes: json(doc) })
    expect(s.rejected).toEqual([
      { id: doc.first.items[0].id, reason: expect.stringContaining('selector out of range: start is not before end') },
      { id: doc.first.items[2].id, reason: expect.stringContaining('colour must be one of') },
      { id: doc.first.items[1].id.replace('urn:uuid:', ''), reason: expect.stringMatching(/selector out of range: \[5, 500000\) is beyond the article's \d+ characters/) }
    ])
    expect(s.added).toBe(4)
  })
})

describe("another tool's Web Annotations", () => {
  it('are read (bodyValue, a creator name, an http id) and importing them twice finds them the second time', async () => {
    const B = library()
    sameArticles(A.lib, B.lib)
    const other = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://hypothes.is/a/abc123',
      type: 'Annotation',
      created: '2024-02-02T10:00:00Z',
      creator: 'acct:maria@hypothes.is',
      bodyValue: 'Interesting.',
      target: { source: 'https://example.org/poem?a=1&b=2', selector: [{ type: 'TextQuoteSelector', exact: 'line two of it' }] }
    }
    const s = await importShared(B.lib, { name: 'h.jsonld', bytes: json2(other) })
    expect(s).toMatchObject({ added: 1, creators: ['acct:maria@hypothes.is'] })
    const again = await importShared(B.lib, { name: 'h.jsonld', bytes: json2(other) })
    expect(again).toMatchObject({ added: 0, unchanged: 1 })
    const note = B.lib.db.prepare("SELECT note, creator, created_at, color FROM annotations WHERE exact = 'line two of it'").get()
    expect(note).toEqual({ note: 'Interesting.', creator: 'acct:maria@hypothes.is', created_at: '2024-02-02T10:00:00.000Z', color: 'yellow' })
  })
})

function json2(v: unknown): Uint8Array {
  return strToU8(JSON.stringify(v))
}

describe('kept-aside annotations and ordinary imports', () => {
  it('attach themselves when their article is imported through the app', async () => {
    const { call } = await import('../annotations/test-library')
    const B = library()
    await importShared(B.lib, { name: 'n.jsonld', bytes: await exportTo(A.lib, A.dir, 'jsonld') })
    expect(listPending(B.lib).count).toBe(7)
    // The English article arrives as a plain import (same HTML, so the same content hash).
    const html = A.lib.db.prepare('SELECT c.html FROM articles a JOIN article_content c ON c.article_rowid = a.rowid WHERE a.id = ?').pluck().get(ids.english) as string
    const r = await call(B.lib, 'import.content', { files: [{ name: 'ice.html', base64: Buffer.from(`<html><head><title>Reading the ice</title></head><body>${html}</body></html>`).toString('base64') }] })
    expect(r.ok).toBe(true)
    const english = B.lib.db.prepare("SELECT id FROM articles WHERE title = 'Reading the ice'").pluck().get() as string
    const placed = listAnnotations(B.lib, english)
    // Matched by content hash when the importer keeps the HTML as is, else by the quote's words.
    expect(placed.map((a) => a.exact)).toEqual(['a hundred thousand years'])
    expect(listPending(B.lib).count).toBe(6)
  })
})
