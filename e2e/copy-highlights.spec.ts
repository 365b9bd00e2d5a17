import { callApi, expect, test } from './fixtures'

interface ArticleInfo {
  id: string
  title: string
  text: string
}

/** Three highlights on the first sample article, in reading order. */
async function threeHighlights(served: Parameters<typeof callApi>[0]): Promise<{ article: ArticleInfo; quotes: string[] }> {
  const page = await callApi<{ items: { id: string }[] }>(served, 'articles.list', { limit: 1, sort: 'title', desc: false })
  const article = await callApi<ArticleInfo>(served, 'articles.get', { id: page.items[0].id })
  const runs = article.text.match(/[\p{L}][\p{L} ,]{20,40}[\p{L}]/gu)!
  const quotes = [runs[1], runs[4], runs[6]]
  for (const [i, quote] of quotes.entries()) {
    const start = article.text.indexOf(quote)
    await callApi(served, 'annotations.create', { articleId: article.id, start, end: start + quote.length, note: i === 1 ? 'Second thought.' : '', color: 'yellow' })
  }
  return { article, quotes }
}

test.beforeEach(async ({ context, served }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served.origin })
})

test('picked highlights in the side panel copy to the clipboard as Markdown quotes under their article', async ({ app, served }) => {
  const { article, quotes } = await threeHighlights(served)
  await app.getByTestId('article-row').filter({ hasText: article.title.slice(0, 30) }).first().click()
  const panel = app.getByTestId('annotation-panel')
  await expect(panel.getByTestId('annotation-item')).toHaveCount(3)
  const picks = panel.getByTestId('highlight-pick')
  await picks.nth(1).click()
  await picks.nth(2).click()
  await expect(panel.getByTestId('highlight-picked-count')).toHaveText('2 selected')
  await panel.getByTestId('copy-highlights').click()
  await expect(app.getByTestId('toast').filter({ hasText: 'Copied 2 highlight(s) as Markdown' })).toBeVisible()
  const copied = await app.evaluate(() => navigator.clipboard.readText())
  expect(copied.startsWith(`**${article.title}**`)).toBe(true)
  expect(copied).toContain(`> ${quotes[1]}\n\nSecond thought.`)
  expect(copied).toContain(`> ${quotes[2]}`)
  expect(copied).not.toContain(`> ${quotes[0]}`)
})

test('highlights can be picked and copied from the keyboard', async ({ app, served }) => {
  const { article, quotes } = await threeHighlights(served)
  await app.getByTestId('article-row').filter({ hasText: article.title.slice(0, 30) }).first().click()
  const panel = app.getByTestId('annotation-panel')
  await expect(panel.getByTestId('annotation-item')).toHaveCount(3)
  const first = panel.getByTestId('highlight-pick').first()
  await first.focus()
  await app.keyboard.press('Space')
  await expect(panel.getByTestId('highlight-picked-count')).toHaveText('1 selected')
  await app.keyboard.press('Control+a')
  await expect(panel.getByTestId('highlight-picked-count')).toHaveText('3 selected')
  await app.keyboard.press('Control+c')
  await expect(app.getByTestId('toast').filter({ hasText: 'Copied 3 highlight(s)' })).toBeVisible()
  const copied = await app.evaluate(() => navigator.clipboard.readText())
  for (const q of quotes) expect(copied).toContain(`> ${q}`)
  // Reading order: the quotes come as they stand in the article.
  expect(copied.indexOf(`> ${quotes[0]}`)).toBeLessThan(copied.indexOf(`> ${quotes[2]}`))
})
