/**
 * A book longer than the first part the reader fetches: it is shown from its
 * first bytes while the rest arrives, and still holds exactly the stored text
 * with every highlight on its words.
 */
import { callApi, expect, test } from './fixtures'
import { importMarkdown, openArticle, pageText, painted, rangeOfPhrase } from './reader-helpers'

const TITLE = 'A long book in pieces'

/** About 400 KB of Markdown: multi-byte text everywhere, so the first part ends inside a character somewhere. */
function bookBody(): string {
  const out: string[] = []
  for (let i = 1; i <= 700; i++) {
    if (i % 50 === 1) out.push(`## Part ${Math.ceil(i / 50)}`)
    out.push(`Paragraph ${i}: 东京 👩🏽‍🔬 naïve café — עברית و مرحبا. ` + 'The steppe was wide, the road «долгая», and the carts moved slowly. '.repeat(8))
  }
  return out.join('\n\n')
}

test('a book is shown from its first part, then holds exactly its stored text, with highlights at the start and the end in place', async ({ app, served }) => {
  const id = await importMarkdown(served, 'long.md', TITLE, bookBody())
  const article = await callApi<{ text: string }>(served, 'articles.get', { id })
  expect(new TextEncoder().encode(article.text).length).toBeGreaterThan(300_000)
  await callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, 'Paragraph 2:')), color: 'green' })
  await callApi(served, 'annotations.create', { articleId: id, ...(await rangeOfPhrase(served, id, 'Paragraph 699:')), color: 'blue' })
  await app.reload()
  const pieces: string[] = []
  app.on('request', (r) => r.url().endsWith('/api/articles.content') && pieces.push(r.postData() ?? ''))

  await openArticle(app, TITLE)
  // The first bytes of the HTML and the text, then the rest of each.
  expect(pieces.map((p) => JSON.parse(p) as { part: string; from?: number; to?: number }).map((p) => `${p.part} ${p.from ?? 0}-${p.to ?? ''}`).sort()).toEqual(
    ['html 0-65536', 'html 65536-', 'text 0-65536', 'text 65536-']
  )
  await expect.poll(() => painted(app, 'scholia-green')).toEqual(['Paragraph 2:'])
  expect(await pageText(app)).toBe(article.text)
  await expect(app.getByTestId('article-body')).not.toHaveAttribute('data-text-mismatch', 'true')

  const items = app.getByTestId('annotation-item')
  await expect(items).toHaveCount(2)
  await items.nth(1).click()
  await expect.poll(() => painted(app, 'scholia-blue')).toEqual(['Paragraph 699:'])
  await expect(app.getByTestId('highlight-popover')).toContainText('Paragraph 699:')
})
