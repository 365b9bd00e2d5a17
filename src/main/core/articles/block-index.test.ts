import { describe, expect, it } from 'vitest'
import { ok, storeText } from '../annotations/test-library'
import type { Library } from '../library'
import { BLOCK_MARK_STEP_BYTES, buildBlockIndex } from './block-index'
import { RESUME_HTML_BYTES, RESUME_TEXT_CHARS } from './resume'
import { useTempLibrary } from '../testing/temp-library'

const t = useTempLibrary()

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true })
const bytes = (s: string) => Buffer.byteLength(s)

/** A book of multi-byte prose (emoji, CJK, RTL, Cyrillic, entities) long enough for many marks. */
function bookText(paragraphs = 900): string {
  const out: string[] = []
  for (let i = 1; i <= paragraphs; i++)
    out.push(`Paragraph ${i}: 东京 👩🏽‍🔬 naïve café — עברית & <b> «долгая дорога» ` + 'and the carts moved slowly on. '.repeat(6))
  return out.join('\n\n')
}

const idOfLong = (lib: Library) => storeText(lib, bookText(), 'A long book')
const rowidOf = (lib: Library, id: string) => (lib.db.prepare('SELECT rowid FROM articles WHERE id = ?').get(id) as { rowid: number }).rowid

describe('the block index of a long article', () => {
  it('marks block boundaries about every 16 KB of HTML whose offsets and bytes agree with the stored text and HTML', async () => {
    const { lib } = t
    const id = idOfLong(lib)
    const a = await ok(lib, 'articles.get', { id })
    const index = buildBlockIndex(a.html, a.text)!
    expect(index.textLength).toBe(a.text.length)
    expect(index.marks.length).toBeGreaterThan(bytes(a.html) / BLOCK_MARK_STEP_BYTES - 2)
    let previous = -1
    for (const [text, textByte, html, htmlByte] of index.marks) {
      expect(text).toBeGreaterThan(previous)
      previous = text
      expect(textByte).toBe(bytes(a.text.slice(0, text)))
      expect(htmlByte).toBe(bytes(a.html.slice(0, html)))
      // A boundary between top-level blocks: the HTML starts a block there.
      expect(html === 0 || /^\n?<p>/.test(a.html.slice(html, html + 4))).toBe(true)
    }
  })

  it('is null for HTML the block scanner does not read, or whose text is not the stored text', () => {
    expect(buildBlockIndex('<p>one<p>two', 'onetwo')).toBeNull()
    expect(buildBlockIndex('<p>one</p>', 'one more')).toBeNull()
  })
})

describe('reopening a long article part-way', () => {
  it('answers the saved position as a text offset and the byte ranges of the whole blocks holding it, whose text is the text at that offset', async () => {
    const { lib } = t
    const id = idOfLong(lib)
    const a = await ok(lib, 'articles.get', { id })
    await ok(lib, 'articles.setProgress', { id, progress: 0.5 })
    const { resume } = await ok(lib, 'articles.open', { id })
    expect(resume).toBeDefined()
    const { offset, textLength, from, to } = resume!
    expect(textLength).toBe(a.text.length)
    expect(offset).toBe(Math.round(0.5 * a.text.length))
    expect(from[0]).toBeLessThanOrEqual(offset)
    expect(to).not.toBeNull()
    expect(to![3] - from[3]).toBeGreaterThanOrEqual(RESUME_HTML_BYTES)
    expect(to![0]).toBeGreaterThanOrEqual(offset + RESUME_TEXT_CHARS)
    const html = utf8.decode(await ok(lib, 'articles.content', { id, part: 'html', from: from[3], to: to![3] }))
    const text = utf8.decode(await ok(lib, 'articles.content', { id, part: 'text', from: from[1], to: to![1] }))
    expect(html).toBe(a.html.slice(from[2], to![2]))
    expect(text).toBe(a.text.slice(from[0], to![0]))
    expect(html).toMatch(/^\n?<p>[^]*<\/p>$/)
  })

  it('resumes near the end with the rest of the article, and not at all at the start or for a short article', async () => {
    const { lib } = t
    const id = idOfLong(lib)
    await ok(lib, 'articles.setProgress', { id, progress: 0.999 })
    expect((await ok(lib, 'articles.open', { id })).resume?.to).toBeNull()
    await ok(lib, 'articles.setProgress', { id, progress: 0 })
    expect((await ok(lib, 'articles.open', { id })).resume).toBeUndefined()
    const short = storeText(lib, 'One paragraph.\n\nAnother one.', 'Short')
    await ok(lib, 'articles.setProgress', { id: short, progress: 0.5 })
    expect((await ok(lib, 'articles.open', { id: short })).resume).toBeUndefined()
  })

  it('works for a library made before block indexes: computed on the first reopening, then read back', async () => {
    const { lib } = t
    const id = idOfLong(lib)
    await ok(lib, 'articles.setProgress', { id, progress: 0.3 })
    const expected = (await ok(lib, 'articles.open', { id })).resume
    lib.write(() => lib.db.prepare('DELETE FROM article_blocks').run())
    expect((await ok(lib, 'articles.open', { id })).resume).toEqual(expected)
    expect(lib.db.prepare('SELECT count(*) AS n FROM article_blocks WHERE article_rowid = ?').get(rowidOf(lib, id))).toEqual({ n: 1 })
  })
})
