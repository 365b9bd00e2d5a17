import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callApi, expect, test } from './fixtures'
import { annotationsOf, dragSelect, importMarkdown, openArticle, pageText, painted, rangeOfPhrase } from './reader-helpers'

/** A long article with chapters: 60 paragraphs, each naming its number. */
function longBody(): string {
  const out: string[] = []
  for (let i = 1; i <= 60; i++) {
    if (i % 10 === 1) out.push(`## Chapter ${Math.ceil(i / 10)}`)
    out.push(`Paragraph ${i} begins here. ` + 'The steppe was wide and the road was long, and the carts moved slowly toward the river. '.repeat(4))
  }
  return out.join('\n\n')
}

/** The first paragraph whose top is at or below the top of the reader. */
function topParagraph(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(() => {
    const top = document.querySelector('.reader-scroll')!.getBoundingClientRect().top
    const p = [...document.querySelectorAll('[data-testid=article-body] p')].find((el) => el.getBoundingClientRect().bottom > top + 30)
    return /Paragraph \d+/.exec(p?.textContent ?? '')?.[0] ?? ''
  })
}

test.describe('reader: text, settings and navigation', () => {
  test('the page holds exactly the stored text: emoji, combining marks, CJK, RTL, no-break spaces, code, tables', async ({ app, served }) => {
    const body = [
      'Emoji 👩🏽‍🔬 and flags 🇰🇿, combining e\u0301 and a\u0308, CJK 東京都 and 한국어.',
      'Right to left: עברית ومرحبا, no\u00a0break\u00a0spaces and  double  spaces.',
      '```\n  indented code\n\tand a tab\n```',
      '| a | b |\n|---|---|\n| 1 | 2 |',
      '> a quotation with *emphasis*'
    ].join('\n\n')
    const id = await importMarkdown(served, 'unicode.md', 'Unicode sampler', body)
    await app.reload()
    await openArticle(app, 'Unicode sampler')
    const article = await callApi<{ text: string }>(served, 'articles.get', { id })
    expect(await pageText(app)).toBe(article.text)
    await expect(app.getByTestId('article-body')).not.toHaveAttribute('data-text-mismatch', 'true')

    // Every sample article too.
    const list = await callApi<{ items: Array<{ id: string; title: string }> }>(served, 'articles.list', {})
    for (const item of list.items.filter((x) => x.id !== id).slice(0, 3)) {
      await app.getByTestId('back-to-library').click()
      await openArticle(app, item.title)
      const a = await callApi<{ text: string }>(served, 'articles.get', { id: item.id })
      expect(await pageText(app)).toBe(a.text)
    }
  })

  test('theme and typography persist across a reload', async ({ app }) => {
    await app.getByTestId('article-row').first().click()
    await app.getByTestId('open-typography').click()
    const menu = app.getByTestId('typography-menu')
    await menu.getByTestId('theme-dark').check()
    await menu.getByTestId('font-sans').check()
    await menu.getByTestId('font-larger').click()
    await menu.getByTestId('font-larger').click()
    await menu.getByTestId('column-narrower').click()
    await expect(menu.getByTestId('font-size')).toHaveText('21px')
    await app.waitForTimeout(300)
    await app.reload()
    await app.getByTestId('article-row').first().click()
    await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark')
    const style = await app.locator('article.reader').evaluate((el) => {
      const cs = getComputedStyle(el)
      return { size: cs.fontSize, family: cs.fontFamily, width: cs.maxWidth }
    })
    expect(style.size).toBe('21px')
    expect(style.family).toMatch(/sans|system-ui/i)
    expect(style.width).toBe(`${38 * 16}px`)
  })

  test('the reading position is restored when the article is opened again', async ({ app, served }) => {
    await importMarkdown(served, 'long.md', 'A long road', longBody())
    await app.reload()
    await openArticle(app, 'A long road')
    await app.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight * 0.55))
    const before = await topParagraph(app)
    expect(before).toMatch(/Paragraph (2\d|3\d|4\d)/)
    await expect(app.getByTestId('reading-progress')).not.toHaveText('0%')
    await app.waitForTimeout(1_500)
    await app.reload()
    await openArticle(app, 'A long road')
    await expect.poll(() => topParagraph(app)).toBe(before)
  })

  test('contents list the chapters, mark the current one, and jump to them', async ({ app, served }) => {
    await importMarkdown(served, 'toc.md', 'A long road', longBody())
    await app.reload()
    await openArticle(app, 'A long road')
    if ((await app.getByTestId('toc').count()) === 0) await app.getByTestId('toggle-toc').click()
    const toc = app.getByTestId('toc')
    await expect(toc.getByRole('button')).toHaveCount(6)
    await toc.getByRole('button', { name: 'Chapter 4' }).click()
    await expect.poll(() => topParagraph(app)).toBe('Paragraph 31')
    await expect(toc.getByRole('button', { name: 'Chapter 4' })).toHaveAttribute('aria-current', 'location')
  })

  test('find in the article counts matches and steps through them', async ({ app, served }) => {
    await importMarkdown(served, 'find.md', 'A long road', longBody())
    await app.reload()
    await openArticle(app, 'A long road')
    await app.getByTestId('article-body').press('Control+f')
    await app.keyboard.type('paragraph 1')
    // "Paragraph 1", "Paragraph 10" … "Paragraph 19": 11 matches.
    await expect(app.getByTestId('find-count')).toHaveText('1 of 11')
    await app.keyboard.press('Enter')
    await expect(app.getByTestId('find-count')).toHaveText('2 of 11')
    await expect.poll(async () => (await painted(app, 'scholia-find-current')).length).toBe(1)
    await app.keyboard.press('Shift+Enter')
    await app.keyboard.press('Shift+Enter')
    await expect(app.getByTestId('find-count')).toHaveText('11 of 11')
    await app.keyboard.press('Escape')
    await expect(app.getByTestId('find-bar')).toHaveCount(0)
    await expect.poll(() => painted(app, 'scholia-find')).toEqual([])
  })

  test('the article note is saved and shown again', async ({ app, served }) => {
    const id = await importMarkdown(served, 'note.md', 'Noted article', 'Some text to read.')
    await app.reload()
    await openArticle(app, 'Noted article')
    const note = app.getByTestId('article-note')
    await note.getByTestId('note-edit').click()
    await note.getByTestId('note-input').fill('Worth citing in *chapter two*.')
    await note.getByTestId('note-save').click()
    await expect(note.getByTestId('note-rendered').locator('em')).toHaveText('chapter two')
    await expect.poll(async () => (await callApi<{ note: string }>(served, 'articles.get', { id })).note).toBe('Worth citing in *chapter two*.')
    await app.reload()
    await openArticle(app, 'Noted article')
    await expect(app.getByTestId('article-note').getByTestId('note-rendered')).toHaveText('Worth citing in chapter two.')
  })

  test('] and [ move to the next and previous article of the library list', async ({ app, served }) => {
    await importMarkdown(served, 'first.md', 'Older article', 'Older text.')
    await importMarkdown(served, 'second.md', 'Newer article', 'Newer text.')
    await app.reload()
    await openArticle(app, 'Newer article')
    await app.getByTestId('article-body').press(']')
    await expect(app.getByTestId('article-title')).toHaveText('Older article')
    await app.keyboard.press('[')
    await expect(app.getByTestId('article-title')).toHaveText('Newer article')
  })

  test('an annotation whose text is gone is listed as orphaned and can be re-attached to a new selection', async ({ app, served }) => {
    // The same file imported twice, changed in between: the core re-anchors, and this quote is gone.
    const file = join(mkdtempSync(join(tmpdir(), 'scholia-orphan-')), 'changing.md')
    const importFile = async (body: string) => {
      writeFileSync(file, `---\ntitle: Changing article\n---\n\n${body}\n`)
      const report = await callApi<{ outcomes: Array<{ id: string }> }>(served, 'import.paths', { paths: [file] })
      return report.outcomes[0].id
    }
    const id = await importFile('The committee met in the old hall and argued about the grain quotas until late.\n\nA second paragraph stays the same.')
    await callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, 'argued about the grain quotas')), note: 'keep me' })
    expect(await importFile('The council gathered elsewhere, and nobody remembers what was decided.\n\nA second paragraph stays the same.')).toBe(id)
    await expect.poll(async () => (await annotationsOf(served, id))[0]?.orphaned).toBe(true)

    await app.reload()
    await openArticle(app, 'Changing article')
    const orphan = app.getByTestId('orphan-item')
    await expect(orphan).toContainText('argued about the grain quotas')
    await expect(orphan).toContainText('keep me')
    await dragSelect(app, 'nobody remembers what was decided')
    await orphan.getByRole('button', { name: 'Re-attach here' }).click()
    await expect.poll(async () => (await annotationsOf(served, id))[0]).toMatchObject({ orphaned: false, exact: 'nobody remembers what was decided', note: 'keep me' })
    await expect(app.getByTestId('orphan-item')).toHaveCount(0)
    await expect.poll(() => painted(app, 'scholia-yellow')).toEqual(['nobody remembers what was decided'])
  })
})
