/**
 * Fuzzing the import of teammates' notes (W3C JSON-LD and .scholia bundles): a
 * file from someone else is hostile until checked. Real exports are mutated —
 * fields replaced by random JSON, hostile strings and HTML, unsafe zip paths,
 * flipped bytes — and imported into one real library again and again. Every file
 * must be merged or refused with a one-line ScholiaError, quickly; the library
 * must stay consistent; and no article HTML it stores may carry active content.
 */
import fc from 'fast-check'
import { unzipSync, zipSync, type Zippable } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExport } from '../export/run'
import { checkLibrary } from '../maintenance/check'
import { recordFigure } from '../reliability/figures'
import { executions, fuzz, FUZZ_TIMEOUT_MS, regressionInputs, survives, unsafeParts } from '../reliability/fuzz'
import { mutated } from '../reliability/fuzz-inputs'
import { fillSampleData } from '../testing/sample-data'
import { tempLibrary } from '../testing/temp-library'
import { XSS_VECTORS } from '../import/xss-vectors'
import { importShared } from './import'

const TARGET = 'share-import'
/** The library is checked whole (integrity, indexes, stored HTML) every this many inputs, and at the end. */
const CHECK_EVERY = 10

let t: ReturnType<typeof tempLibrary>
let jsonld: unknown
let bundle: Record<string, Uint8Array>
let tried = 0
beforeAll(async () => {
  t = tempLibrary()
  fillSampleData(t.lib)
  const j = await runExport(t.lib, { scope: { kind: 'all' }, format: 'jsonld' })
  jsonld = JSON.parse(Buffer.from(j.download!.base64, 'base64').toString('utf8'))
  const b = await runExport(t.lib, { scope: { kind: 'all' }, format: 'bundle' })
  bundle = unzipSync(Buffer.from(b.download!.base64, 'base64'))
})
afterAll(() => t.dispose())

const hostileString = fc.oneof(fc.constantFrom(...XSS_VECTORS), fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('', '\u0000', '../../etc/passwd', 'urn:uuid:not-a-uuid', '9999-99-99', 'javascript:alert(1)'))
const anyJson = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString)

/** Every path into a JSON value, for choosing what to mutate. */
function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out)
  return out
}

/** Replaces, deletes or duplicates the values at a few chosen paths. */
function mutateJson(base: unknown, edits: [number, 'set' | 'delete' | 'dup', unknown][]): unknown {
  const doc = structuredClone(base)
  for (const [pick, op, value] of edits) {
    const all = paths(doc).filter((p) => p.length > 0)
    if (all.length === 0) break
    const p = all[pick % all.length]
    const parent = p.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], doc) as Record<string | number, unknown> | unknown[]
    const key = p[p.length - 1]
    if (op === 'set') (parent as Record<string | number, unknown>)[key] = value
    else if (op === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1)
      else delete (parent as Record<string, unknown>)[key]
    }
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)]))
  }
  return doc
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g

/**
 * Gives every id in a text a new one (the same new one everywhere it appears),
 * so the file reads as a teammate's new work: added articles and highlights, not
 * "unchanged" ones.
 */
function renumber(text: string, salt: number): string {
  return text.replace(UUID, (u) => {
    const h = [...`${u}${salt}`].reduce((a, c) => (Math.imul(a, 31) + c.charCodeAt(0)) >>> 0, 7).toString(16).padStart(8, '0')
    return `${h}${u.slice(8)}`
  })
}
const salt = fc.option(fc.nat(), { nil: undefined })

const edits = fc.array(fc.tuple(fc.nat(), fc.constantFrom('set' as const, 'delete' as const, 'dup' as const), anyJson), { minLength: 1, maxLength: 6 })
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'))

const jsonldFile = fc.oneof(
  fc.tuple(edits, salt).map(([e, n]) => {
    const text = JSON.stringify(mutateJson(jsonld, e))
    return { name: 'notes.jsonld', bytes: utf8(n === undefined ? text : renumber(text, n)) }
  }),
  anyJson.map((v) => ({ name: 'notes.jsonld', bytes: utf8(JSON.stringify(v)) })),
  mutated(fc.constant(0).map(() => utf8(JSON.stringify(jsonld)))).map((bytes) => ({ name: 'notes.jsonld', bytes }))
)

const UNSAFE_NAMES = ['../evil.html', '/abs/evil.html', 'articles/../../evil.html', 'C:\\evil.html', 'articles\\..\\..\\evil.html', '', '.', 'articles/']
const bundleFile = fc.oneof(
  fc
    .record({
      articles: fc.option(edits),
      annotations: fc.option(edits),
      manifest: fc.option(edits),
      html: fc.array(fc.oneof(fc.constantFrom(...XSS_VECTORS), fc.string({ maxLength: 200 })), { maxLength: 4 }),
      extra: fc.option(fc.tuple(fc.constantFrom(...UNSAFE_NAMES), fc.uint8Array({ maxLength: 50 }))),
      salt
    })
    .map((m) => {
      const entries: Zippable = { ...bundle }
      if (m.articles) entries['articles.json'] = utf8(JSON.stringify(mutateJson(JSON.parse(Buffer.from(bundle['articles.json']).toString('utf8')), m.articles)))
      if (m.annotations) entries['annotations.jsonld'] = utf8(JSON.stringify(mutateJson(JSON.parse(Buffer.from(bundle['annotations.jsonld']).toString('utf8')), m.annotations)))
      if (m.manifest) entries['manifest.json'] = utf8(JSON.stringify(mutateJson(JSON.parse(Buffer.from(bundle['manifest.json']).toString('utf8')), m.manifest)))
      // A teammate's article HTML is as hostile as any web page.
      Object.keys(bundle)
        .filter((k) => k.endsWith('.html'))
        .forEach((k, i) => {
          if (m.html[i] !== undefined) entries[k] = utf8(m.html.join('') + Buffer.from(bundle[k]).toString('utf8'))
        })
      if (m.extra) entries[m.extra[0]] = m.extra[1]
      const renamed: Zippable =
        m.salt === undefined
          ? entries
          : Object.fromEntries(
              Object.entries(entries).map(([k, v]) => [renumber(k, m.salt!), k.endsWith('.html') ? v : utf8(renumber(Buffer.from(v as Uint8Array).toString('utf8'), m.salt!))])
            )
      try {
        return { name: 'team.scholia', bytes: zipSync(renamed) }
      } catch {
        return { name: 'team.scholia', bytes: utf8('PK\u0003\u0004broken') }
      }
    }),
  mutated(fc.constant(0).map(() => zipSync({ ...bundle }))).map((bytes) => ({ name: 'team.scholia', bytes })),
  // A well-formed bundle of new articles whose HTML is hostile: it must be stored, and stored safe.
  fc.tuple(fc.array(fc.constantFrom(...XSS_VECTORS), { minLength: 1, maxLength: 6 }), fc.nat()).map(([vectors, n]) => {
    const entries: Zippable = {}
    for (const [k, v] of Object.entries(bundle)) {
      let text = Buffer.from(v).toString('utf8')
      if (k.endsWith('.html')) text = `${vectors.join('')}${text} ${n}`
      // Unknown content from an unknown source: a new article, not a match for one already here.
      if (k === 'articles.json')
        text = JSON.stringify((JSON.parse(text) as Record<string, unknown>[]).map((a) => ({ ...a, contentHash: null, source: `https://team.example/${n}/${a.id}` })))
      entries[renumber(k, n)] = utf8(renumber(text, n))
    }
    return { name: 'team.scholia', bytes: zipSync(entries) }
  })
)

function checkWhole(): void {
  expect(checkLibrary(t.lib).problems).toEqual([])
  const htmls = t.lib.db.prepare('SELECT html FROM article_content').pluck().all() as string[]
  for (const html of htmls) expect(unsafeParts(html)).toEqual([])
}

async function check(file: { name: string; bytes: Uint8Array }): Promise<void> {
  await survives(`importShared(${file.name})`, () => importShared(t.lib, file))
  if (++tried % CHECK_EVERY === 0) checkWhole()
}

describe('fuzzing the import of teammates’ notes', () => {
  it('any JSON-LD or bundle merges or is refused clearly; the library stays consistent and safe', async () => {
    await fuzz(TARGET, fc.oneof(jsonldFile, bundleFile), check, 300, (f) => ({ bytes: f.bytes, ext: f.name.split('.').pop()! }))
    checkWhole()
    recordFigure(`fuzz-${TARGET}`, { executions: executions[TARGET] })
  }, FUZZ_TIMEOUT_MS)

  it.each(regressionInputs(TARGET).map((r) => [r.name, r.bytes] as const))('replays %s', async (name, bytes) => {
    await check({ name, bytes })
    checkWhole()
  })
})
