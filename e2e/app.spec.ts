import { expect, test } from './fixtures'

test('opens on the sample library and reads an article', async ({ app }) => {
  await expect(app.getByTestId('library-count')).toHaveText('6 articles')
  await expect(app.getByTestId('article-row')).toHaveCount(6)
  await app.getByTestId('article-row').filter({ hasText: 'Stanislav Zas' }).first().click()
  await expect(app.getByTestId('article-title')).toHaveText(/^Stanislav Zas: In the Republic of Kazakhstan/)
  await expect(app.getByTestId('article-body')).toContainText('Collective Security Treaty Organization')
  // The token is taken out of the address bar once read.
  expect(new URL(app.url()).hash).toBe('')
})

test('imports a file chosen with the Import button', async ({ app }) => {
  await app.getByTestId('import-input').setInputFiles({
    name: 'field-notes.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from('---\ntitle: Field notes from Almaty\nauthor: A. Researcher\n---\n\nThe *archive* opened at nine.\n')
  })
  await expect(app.getByTestId('library-count')).toHaveText('7 articles')
  await app.getByTestId('article-row').filter({ hasText: 'Field notes from Almaty' }).click()
  await expect(app.getByTestId('article-body')).toContainText('The archive opened at nine.')
})

test('shows what failed when an import fails, and keeps the library intact', async ({ app }) => {
  await app.getByTestId('import-input').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.from('') })
  await expect(app.getByTestId('import-failures')).toContainText('empty.txt')
  await expect(app.getByTestId('library-count')).toHaveText('6 articles')
})

test('the bridge refuses calls without the token and from foreign hosts', async ({ served }) => {
  const noToken = await fetch(`${served.origin}/api/app.info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
  expect(noToken.status).toBe(401)
  const wrongToken = await fetch(`${served.origin}/api/articles.list`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer nope' },
    body: '{}'
  })
  expect(wrongToken.status).toBe(401)
  const ok = await fetch(`${served.origin}/api/app.info`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${served.token}` },
    body: '{}'
  })
  expect(ok.status).toBe(200)
  expect(((await ok.json()) as { result: { articleCount: number } }).result.articleCount).toBe(6)
})

test('a page cannot reach the API without the token even from the same origin', async ({ page, served }) => {
  await page.goto(`${served.origin}/`)
  const status = await page.evaluate(async () => (await fetch('/api/articles.list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status)
  expect(status).toBe(401)
  await expect(page.getByRole('alert')).toContainText('No connection to a library')
})
