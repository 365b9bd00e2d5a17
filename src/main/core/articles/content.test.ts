import { describe, expect, it } from 'vitest'
import { ok, call, storeText } from '../annotations/test-library'
import { useTempLibrary } from '../testing/temp-library'

const t = useTempLibrary()

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
// A leading BOM, emoji (surrogate pairs), CJK, right-to-left text, combining marks, and the characters HTML escapes.
const TRICKY = '\uFEFFOpening 😀 line\n\n中文段落，日本語のテキスト。\n\nمرحبا بالعالم — שלום\n\nе\u0301 <tag> & "quotes" \u00a0 end'

describe('opening an article in the reader', () => {
  it('gives the same article as articles.get: details as JSON, HTML and text as bytes that decode to the very same strings', async () => {
    const { lib } = t
    const id = storeText(lib, TRICKY, 'Tricky 😀')
    // Paragraphs are trimmed on the way in; a text may still begin with U+FEFF (a decoder must not eat it).
    lib.write(() => lib.db.prepare("UPDATE article_content SET text = char(65279) || text WHERE article_rowid = (SELECT rowid FROM articles WHERE id = ?)").run(id))
    const whole = await ok(lib, 'articles.get', { id })
    const head = await ok(lib, 'articles.open', { id })
    const html = await ok(lib, 'articles.content', { id, part: 'html' })
    const text = await ok(lib, 'articles.content', { id, part: 'text' })
    expect(html).toBeInstanceOf(Uint8Array)
    expect({ ...head, html: utf8.decode(html), text: utf8.decode(text) }).toEqual(whole)
    expect(head).not.toHaveProperty('html')
    expect(head).not.toHaveProperty('text')
    expect(utf8.decode(text).startsWith('\uFEFF')).toBe(true)
  })

  it('comes in byte pieces, cut anywhere, that one streaming decoder joins into the same text', async () => {
    const { lib } = t
    const id = storeText(lib, TRICKY)
    const whole = await ok(lib, 'articles.get', { id })
    const total = (await ok(lib, 'articles.content', { id, part: 'text' })).byteLength
    for (const cut of [1, 9, 10, 11, 12, 40, total - 1]) {
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true })
      const first = decoder.decode(await ok(lib, 'articles.content', { id, part: 'text', to: cut }), { stream: true })
      const rest = decoder.decode(await ok(lib, 'articles.content', { id, part: 'text', from: cut }))
      expect(first + rest).toBe(whole.text)
    }
    expect((await ok(lib, 'articles.content', { id, part: 'html', from: total * 10 })).byteLength).toBe(0)
    const backwards = await call(lib, 'articles.content', { id, part: 'html', from: 10, to: 5 })
    expect(backwards.ok ? null : backwards.error.message).toMatch(/invalid to/)
  })

  it('an empty article has empty content, not an error', async () => {
    const { lib } = t
    const id = storeText(lib, '', 'Empty')
    expect((await ok(lib, 'articles.content', { id, part: 'text' })).byteLength).toBe(0)
    expect((await ok(lib, 'articles.content', { id, part: 'html' })).byteLength).toBe(0)
  })

  it('a deleted or unknown article is not_found, and a wrong part is refused naming the argument', async () => {
    const { lib } = t
    const id = storeText(lib, 'Some text.')
    lib.write(() => lib.db.prepare("UPDATE articles SET deleted_at = '2026-01-01' WHERE id = ?").run(id))
    for (const r of [await call(lib, 'articles.open', { id }), await call(lib, 'articles.content', { id, part: 'text' })]) {
      expect(r.ok ? null : r.error.code).toBe('not_found')
    }
    const bad = await call(lib, 'articles.content', { id, part: 'pdf' as 'html' })
    expect(bad.ok ? null : bad.error.message).toMatch(/^articles\.content: invalid part/)
  })
})
