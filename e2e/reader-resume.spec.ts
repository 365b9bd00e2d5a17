/**
 * A long book reopened where it was left: the reader fetches and shows the blocks
 * holding the saved position first, then puts the text before them above without
 * moving what the reader is looking at, and offsets (highlights, find, contents,
 * the saved position) stay exact throughout.
 */
import type { Page } from '@playwright/test'
import { callApi, expect, test } from './fixtures'
import { importMarkdown, painted, pageText, rangeOfPhrase } from './reader-helpers'

const TITLE = 'A long book reopened'
const PARAGRAPHS = 700
const SAVED_AT = 'Paragraph 350:'

/** About 450 KB of Markdown with multi-byte text everywhere, in parts with headings. */
function bookBody(preface = ''): string {
  const out: string[] = preface ? [preface] : []
  for (let i = 1; i <= PARAGRAPHS; i++) {
    if (i % 50 === 1) out.push(`## Part ${Math.ceil(i / 50)}`)
    out.push(`Paragraph ${i}: 东京 👩🏽‍🔬 naïve café — עברית و مرحبا. ` + 'The steppe was wide, the road «долгая», and the carts moved slowly. '.repeat(8))
  }
  return out.join('\n\n')
}

/** Viewport top of the paragraph starting with `phrase`, relative to the reader's scroll box; null if not in the page. */
function topOf(page: Page, phrase: string): Promise<number | null> {
  return page.evaluate((phrase) => {
    const scroller = document.querySelector('.reader-scroll')!
    const p = [...document.querySelectorAll('[data-testid=article-body] p')].find((e) => e.textContent?.startsWith(phrase))
    return p ? p.getBoundingClientRect().top - scroller.getBoundingClientRect().top : null
  }, phrase)
}

test('a long book reopened half-way shows the saved passage first with its highlights, then the text before it appears above without a jump, and offsets stay exact', async ({ app, served }) => {
  const id = await importMarkdown(served, 'resume.md', TITLE, bookBody())
  const article = await callApi<{ text: string }>(served, 'articles.get', { id })
  const highlight = async (phrase: string, color: string) =>
    callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, phrase)), color })
  await highlight('Paragraph 5:', 'yellow')
  await highlight('Paragraph 349:', 'green')
  await highlight('Paragraph 351:', 'blue')
  await highlight('Paragraph 690:', 'purple')
  const saved = article.text.indexOf(SAVED_AT)
  await callApi(served, 'articles.setProgress', { id, progress: saved / article.text.length })
  await app.reload()

  // Hold back the whole article (asked for after the part holding the position) until the first screen is checked.
  const pieces: string[] = []
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await app.route('**/api/articles.content', async (route) => {
    const args = JSON.parse(route.request().postData() ?? '{}') as { part: string; from?: number; to?: number }
    pieces.push(`${args.part} ${args.from ?? 0}-${args.to ?? ''}`)
    if (args.from === undefined && args.to === undefined) await held
    await route.continue()
  })
  await app.getByTestId('article-row').filter({ hasText: TITLE }).first().click()

  // The saved passage is at the top of the reader, with the highlights just before and after it painted on their words.
  await expect(app.getByTestId('article-body')).toContainText(SAVED_AT)
  await expect.poll(() => topOf(app, SAVED_AT)).toBeLessThan(60)
  expect(await topOf(app, SAVED_AT)).toBeGreaterThanOrEqual(0)
  await expect.poll(() => painted(app, 'scholia-green')).toEqual(['Paragraph 349:'])
  await expect.poll(() => painted(app, 'scholia-blue')).toEqual(['Paragraph 351:'])
  // Only the blocks around the position were fetched: part-way through the HTML and the text.
  const part = pieces.filter((p) => !p.endsWith('-') && !p.startsWith('html 0-') && !p.startsWith('text 0-'))
  expect(part.map((p) => p.split(' ')[0]).sort()).toEqual(['html', 'text'])
  expect(await topOf(app, 'Paragraph 1:')).toBeNull()
  const before = (await topOf(app, SAVED_AT))!

  release()
  await expect(app.locator('[data-testid=article-body][data-render=complete]')).toBeAttached()
  // The text before the position is now above it, and what the reader looked at has not moved.
  expect(await topOf(app, 'Paragraph 1:')).not.toBeNull()
  expect(Math.abs((await topOf(app, SAVED_AT))! - before)).toBeLessThanOrEqual(2)

  // Scrolling up reveals the paragraphs just before, moved by exactly the scroll.
  const box = (await app.locator('.reader-scroll').boundingBox())!
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await app.mouse.wheel(0, -600)
  await app.waitForTimeout(300)
  const after = (await topOf(app, SAVED_AT))!
  expect(Math.abs(after - before - 600)).toBeLessThanOrEqual(2)
  const previous = (await topOf(app, 'Paragraph 349:'))!
  expect(previous).toBeGreaterThanOrEqual(0)
  expect(previous).toBeLessThan(after)
  await expect.poll(() => painted(app, 'scholia-green')).toEqual(['Paragraph 349:'])

  // The position saved after scrolling up is the text now at the top: a paragraph or two before the old one.
  const savedOffset = async () => (await callApi<{ progress: number }>(served, 'articles.get', { id })).progress * article.text.length
  const [low, high] = [article.text.indexOf('Paragraph 344:'), saved]
  await expect.poll(async () => { const o = await savedOffset(); return o > low && o < high }, { timeout: 5_000 }).toBe(true)

  // Highlights far before and after the position, find and the contents use the same offsets.
  const items = app.getByTestId('annotation-item')
  await expect(items).toHaveCount(4)
  await items.first().click()
  await expect.poll(() => painted(app, 'scholia-yellow')).toEqual(['Paragraph 5:'])
  await items.last().click()
  await expect.poll(() => painted(app, 'scholia-purple')).toEqual(['Paragraph 690:'])
  await app.keyboard.press('Escape')
  await app.getByTestId('open-find').click()
  await app.keyboard.type('Paragraph 12:')
  await expect.poll(() => painted(app, 'scholia-find-current')).toEqual(['Paragraph 12:'])
  await app.keyboard.press('Escape')
  if ((await app.getByTestId('toc').count()) === 0) await app.getByTestId('toggle-toc').click()
  await app.getByTestId('toc').getByRole('button', { name: 'Part 2', exact: true }).click()
  await expect.poll(() => topOf(app, 'Paragraph 51:')).toBeLessThan(200)
})

test('a long book reopened near its start or its end shows the saved passage, then holds exactly its text', async ({ app, served }) => {
  // One book for each position: a position saved when leaving one cannot race the next one set here.
  for (const [phrase, title] of [['Paragraph 3:', 'Reopened near the start'], ['Paragraph 699:', 'Reopened near the end']]) {
    // A preface of its own, or the import would find the same content already in the library.
    const id = await importMarkdown(served, `${title}.md`, title, bookBody(`A preface for: ${title}.`))
    const article = await callApi<{ text: string }>(served, 'articles.get', { id })
    await callApi(served, 'articles.setProgress', { id, progress: article.text.indexOf(phrase) / article.text.length })
    await app.reload()
    await app.getByTestId('article-row').filter({ hasText: title }).first().click()
    await expect.poll(() => topOf(app, phrase)).not.toBeNull()
    await expect(app.locator('[data-testid=article-body][data-render=complete]')).toBeAttached()
    expect(await pageText(app)).toBe(article.text)
    // Near the end the passage may not reach the top: there is not a screen of text below it.
    const top = (await topOf(app, phrase))!
    expect(top).toBeGreaterThanOrEqual(0)
    expect(top).toBeLessThan(phrase === 'Paragraph 3:' ? 60 : 720)
  }
})

test('find while only the part holding the position is here finds in that part, then in the whole book once it arrives, on the same match', async ({ app, served }) => {
  const id = await importMarkdown(served, 'resume-find.md', TITLE, bookBody())
  const article = await callApi<{ text: string }>(served, 'articles.get', { id })
  await callApi(served, 'articles.setProgress', { id, progress: article.text.indexOf(SAVED_AT) / article.text.length })
  await app.reload()
  let release!: () => void
  const held = new Promise<void>((r) => (release = r))
  await app.route('**/api/articles.content', async (route) => {
    const args = JSON.parse(route.request().postData() ?? '{}') as { from?: number; to?: number }
    if (args.from === undefined && args.to === undefined) await held
    await route.continue()
  })
  await app.getByTestId('article-row').filter({ hasText: TITLE }).first().click()
  await expect(app.getByTestId('article-body')).toContainText(SAVED_AT)
  // Paragraphs 350–359 are in the part shown first; 35 is before it.
  await app.getByTestId('open-find').click()
  await app.keyboard.type('Paragraph 35')
  await expect(app.getByTestId('find-count')).toHaveText(/ of 10$/)
  const current = Number((await app.getByTestId('find-count').textContent())!.split(' ')[0])
  release()
  await expect(app.locator('[data-testid=article-body][data-render=complete]')).toBeAttached()
  // One match more, before the current one: the same match is now one number further.
  await expect(app.getByTestId('find-count')).toHaveText(`${current + 1} of 11`)
})

test('scrolling up from a reopened passage into text never drawn moves what is in view by exactly the scroll, step by step and in one long jump', async ({ app, served }) => {
  // A title and preface of its own: the library is shared with the tests above, which import the same book.
  const title = 'Scrolled up from where it was left'
  const id = await importMarkdown(served, 'resume-scroll.md', title, bookBody(`A preface for: ${title}.`))
  const article = await callApi<{ text: string }>(served, 'articles.get', { id })
  await callApi(served, 'articles.setProgress', { id, progress: article.text.indexOf(SAVED_AT) / article.text.length })
  await app.reload()
  await app.getByTestId('article-row').filter({ hasText: title }).first().click()
  await expect.poll(() => topOf(app, SAVED_AT)).toBeLessThan(60)
  await expect(app.locator('[data-testid=article-body][data-render=complete]')).toBeAttached()
  await app.waitForTimeout(300)
  let before = (await topOf(app, SAVED_AT))!
  // Four steps walk into text never drawn (the first 600 px above were drawn with the passage), then one long jump.
  // scrollBy rather than the wheel: a synthetic wheel event was at times dropped by this page, scrolling nothing.
  for (const [i, step] of [600, 600, 600, 600, 5000].entries()) {
    await app.locator('.reader-scroll').evaluate((e, step) => e.scrollBy({ top: -step, behavior: 'instant' }), step)
    await app.waitForTimeout(400)
    const after = (await topOf(app, SAVED_AT))!
    expect(Math.abs(after - before - step), `step ${i + 1}: a ${step} px scroll moved the passage ${after - before} px`).toBeLessThanOrEqual(2)
    before = after
  }
})
