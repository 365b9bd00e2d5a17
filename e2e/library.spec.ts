import { callApi, expect, test } from './fixtures'

interface Page {
  items: { id: string; title: string; tags: string[] }[]
  total: number
}

/** The sample library's articles, newest first (as the list shows them). */
async function articles(served: Parameters<typeof callApi>[0], filter: object = {}): Promise<Page> {
  return callApi<Page>(served, 'articles.list', { filter, limit: 100 })
}

test('clicking a parent tag in the sidebar filters the library to it and its children', async ({ app, served }) => {
  const { items } = await articles(served)
  await callApi(served, 'library.tag', { selection: { ids: [items[0].id] }, add: ['region/kazakhstan'] })
  await callApi(served, 'library.tag', { selection: { ids: [items[1].id] }, add: ['region/kazakhstan/almaty'] })
  await app.reload()
  const tree = app.getByTestId('tag-tree')
  await expect(tree.locator('[data-tag="region"]')).toContainText('2')
  await tree.locator('[data-tag="region"]').getByRole('button', { name: 'region', exact: true }).click()
  await expect(app.getByTestId('library-count')).toHaveText('2 articles')
  await expect(app.getByTestId('article-row')).toHaveCount(2)
  await tree.locator('[data-tag="region/kazakhstan/almaty"]').getByRole('button', { name: 'almaty', exact: true }).click()
  await expect(app.getByTestId('library-count')).toHaveText('1 articles')
  await expect(app.getByTestId('article-row')).toHaveText([new RegExp(items[1].title.slice(0, 30).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))])
})

test('tags a multi-selection (click, shift-click, ctrl-click) in one go', async ({ app, served }) => {
  const rows = app.getByTestId('article-row')
  await rows.nth(0).getByTestId('row-select').click()
  await rows.nth(2).getByTestId('row-select').click({ modifiers: ['Shift'] })
  await rows.nth(4).click({ modifiers: ['ControlOrMeta'] })
  await expect(app.getByTestId('selected-count')).toHaveText('4 selected')
  await app.getByTestId('bulk-add-tag').click()
  await app.getByTestId('prompt-input').fill('review/urgent')
  await app.getByTestId('prompt-ok').click()
  await expect(app.getByTestId('tag-tree').locator('[data-tag="review/urgent"]')).toContainText('4')
  const tagged = await articles(served, { tagsAll: ['review'] })
  const all = await articles(served)
  expect(tagged.items.map((a) => a.id).sort()).toEqual([0, 1, 2, 4].map((i) => all.items[i].id).sort())
})

test('selects all matching the filter, deletes them, and undo brings them back', async ({ app }) => {
  await app.getByTestId('article-row').first().getByTestId('row-select').click()
  await app.getByTestId('select-all-matching').click()
  await expect(app.getByTestId('selected-count')).toHaveText('6 selected')
  await app.getByTestId('bulk-delete').click()
  await expect(app.getByTestId('library-count')).toHaveText('0 articles')
  await app.getByTestId('undo').click()
  await expect(app.getByTestId('library-count')).toHaveText('6 articles')
})

test('searches, shows the highlight with its words marked, and opens the reader on it', async ({ app, served }) => {
  const zas = (await articles(served)).items.find((a) => a.title.startsWith('Stanislav Zas'))!
  const article = await callApi<{ text: string }>(served, 'articles.get', { id: zas.id })
  const quote = 'the CSTO is constantly improving'
  const start = article.text.indexOf(quote)
  expect(start).toBeGreaterThan(0)
  await callApi(served, 'annotations.create', { articleId: zas.id, start, end: start + quote.length, color: 'green', note: 'Ключевой тезис: учёт' })
  await app.getByTestId('search-input').fill('учет improving')
  await app.getByTestId('search-input').press('Enter')
  const hit = app.locator('[data-testid="search-hit"][data-kind="annotation"]')
  await expect(hit).toHaveCount(1)
  await expect(hit.locator('mark')).toHaveText(['improving', 'учёт'])
  await hit.getByRole('button').click()
  await expect(app.getByTestId('article-title')).toHaveText(/^Stanislav Zas/)
})

test('a malformed query gets a clear message', async ({ app }) => {
  await app.getByTestId('search-input').fill('"unclosed')
  await app.getByTestId('search-input').press('Enter')
  await expect(app.getByTestId('search-error')).toContainText('unclosed quote')
})

test('saves a search, which then appears in the sidebar as a collection of the matching articles', async ({ app, served }) => {
  await app.getByTestId('search-input').fill('almaty')
  await app.getByTestId('search-input').press('Enter')
  await expect(app.getByTestId('search-hit').first()).toBeVisible()
  await app.getByTestId('save-search').click()
  await app.getByTestId('prompt-input').fill('Almaty news')
  await app.getByTestId('prompt-ok').click()
  const saved = app.getByTestId('saved-search').filter({ hasText: 'Almaty news' })
  await expect(saved).toBeVisible()
  await saved.click()
  const expected = await articles(served, { query: 'almaty' })
  expect(expected.total).toBeGreaterThan(0)
  await expect(app.getByTestId('library-count')).toHaveText(`${expected.total} articles`)
  await expect(app.getByTestId('article-row')).toHaveCount(expected.total)
  expect((await callApi<{ name: string; query: string }[]>(served, 'search.saved.list')).map((s) => [s.name, s.query])).toEqual([['Almaty news', 'almaty']])
})
