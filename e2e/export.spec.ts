import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { callApi, expect, test, type Served } from './fixtures'

interface ArticleInfo {
  id: string
  title: string
  text: string
  provenance: { contentHash: string }
}

/** The first sample article with the text it holds, and a highlight on its first long word run. */
async function highlightSample(served: Served): Promise<{ article: ArticleInfo; quote: string }> {
  const page = await callApi<{ items: { id: string }[] }>(served, 'articles.list', { limit: 1, sort: 'title', desc: false })
  const article = await callApi<ArticleInfo>(served, 'articles.get', { id: page.items[0].id })
  const quote = article.text.match(/[\p{L}][\p{L} ,]{30,60}[\p{L}]/u)![0]
  const start = article.text.indexOf(quote)
  await callApi(served, 'annotations.create', { articleId: article.id, start, end: start + quote.length, note: 'my <b>own</b> note', color: 'green' })
  return { article, quote }
}

async function exportDownload(app: Page, format: string, scope = 'scope-all'): Promise<{ name: string; bytes: Buffer }> {
  await app.getByTestId('open-export').first().click()
  const dialog = app.getByTestId('export-dialog')
  await expect(dialog).toBeVisible()
  await dialog.getByTestId(scope).check()
  await dialog.getByTestId(`format-${format}`).check()
  await dialog.getByTestId('dest-download').check()
  const downloading = app.waitForEvent('download')
  await dialog.getByTestId('export-run').click()
  const download = await downloading
  const bytes = readFileSync((await download.path())!)
  await expect(dialog.getByTestId('export-result')).toContainText('downloaded')
  await dialog.getByRole('button', { name: 'Close' }).click()
  return { name: download.suggestedFilename(), bytes }
}

test('exports the library to every format as a download', async ({ app, served }) => {
  const { quote } = await highlightSample(served)
  const md = await exportDownload(app, 'md')
  expect(md.name).toMatch(/^Scholia notes \d{4}-\d{2}-\d{2}\.zip$/)
  expect(md.bytes.subarray(0, 2).toString('latin1')).toBe('PK')

  const jsonld = await exportDownload(app, 'jsonld')
  const doc = JSON.parse(jsonld.bytes.toString('utf8'))
  expect(doc).toMatchObject({ type: 'AnnotationCollection', total: 1 })
  expect(doc.first.items[0].target.selector[0]).toMatchObject({ type: 'TextQuoteSelector', exact: quote })

  const csv = await exportDownload(app, 'csv')
  expect(csv.name).toMatch(/\.csv$/)
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
  expect(csv.bytes.toString('utf8')).toContain(quote)

  const html = await exportDownload(app, 'html')
  const page = html.bytes.toString('utf8')
  expect(page).not.toMatch(/<script/i)
  expect(page).toContain('my &lt;b&gt;own&lt;/b&gt; note')

  const bundle = await exportDownload(app, 'bundle')
  expect(bundle.name).toMatch(/\.scholia$/)
  expect(bundle.bytes.subarray(0, 2).toString('latin1')).toBe('PK')
})

test('the Markdown template preview follows edits, and one article downloads as its own file', async ({ app, served }) => {
  const { article, quote } = await highlightSample(served)
  await app.getByTestId('article-row').filter({ hasText: article.title.slice(0, 30) }).first().click()
  await app.getByTestId('reader').getByTestId('open-export').click()
  const dialog = app.getByTestId('export-dialog')
  await dialog.getByTestId('format-md').check()
  await expect(dialog.getByTestId('export-preview')).toContainText(`> ${quote}`)
  await dialog.getByTestId('export-template').fill('Quotes of {{title}}:\n{{#highlights}}* {{quote}} [{{color}}]\n{{/highlights}}')
  await expect(dialog.getByTestId('export-preview')).toContainText(`* ${quote} [green]`)
  await dialog.getByTestId('dest-download').check()
  const downloading = app.waitForEvent('download')
  await dialog.getByTestId('export-run').click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/\.md$/)
  expect(readFileSync((await download.path())!, 'utf8')).toBe(`Quotes of ${article.title}:\n* ${quote} [green]\n`)
})

test("imports a teammate's JSON-LD and shows whose highlights they are", async ({ app, served }) => {
  const page = await callApi<{ items: { id: string }[] }>(served, 'articles.list', { limit: 1, sort: 'title', desc: false })
  const article = await callApi<ArticleInfo>(served, 'articles.get', { id: page.items[0].id })
  const quote = article.text.match(/[\p{L}][\p{L} ,]{20,40}[\p{L}]/u)![0]
  const start = article.text.indexOf(quote)
  const teammate = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { scholia: 'https://scholia.app/ns#' }],
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: 'urn:uuid:7d3c1f0e-5b7a-4c1e-9d2a-2f6b8e4a1c33',
          type: 'Annotation',
          motivation: 'commenting',
          created: '2024-05-01T09:00:00Z',
          modified: '2024-05-01T09:00:00Z',
          creator: { type: 'Person', name: 'Maria Teammate' },
          body: [{ type: 'TextualBody', value: 'Worth citing.', format: 'text/markdown', purpose: 'commenting' }],
          target: {
            source: `urn:scholia:sha256:${article.provenance.contentHash}`,
            selector: [
              { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start, end: start + quote.length }
            ]
          },
          'scholia:color': 'blue'
        }
      ]
    }
  }
  await app.getByTestId('import-notes-input').setInputFiles({ name: 'maria.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(teammate)) })
  const summary = app.getByTestId('share-summary')
  await expect(summary).toContainText('Notes by Maria Teammate')
  await expect(summary.getByTestId('share-added')).toHaveText('1')
  await summary.getByTestId('share-summary-close').click()
  await app.getByTestId('article-row').filter({ hasText: article.title.slice(0, 30) }).first().click()
  const item = app.getByTestId('annotation-item').filter({ hasText: quote.slice(0, 20) })
  await expect(item.getByTestId('annotation-creator')).toHaveText('Maria Teammate')
  await expect(item).toContainText('Worth citing.')

  // Importing the same file again changes nothing.
  await app.getByTestId('back-to-library').click()
  await app.getByTestId('import-notes-input').setInputFiles({ name: 'maria.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(JSON.stringify(teammate)) })
  await expect(app.getByTestId('share-summary').getByTestId('share-added')).toHaveText('0')
})

test('a broken teammate file is refused with one line and the user can set their name', async ({ app, served }) => {
  await app.getByTestId('import-notes-input').setInputFiles({ name: 'broken.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from('{"type": "AnnotationCollection", ') })
  await expect(app.getByTestId('toast').filter({ hasText: 'broken.jsonld: not valid JSON' })).toBeVisible()
  await app.getByTestId('open-export').first().click()
  await app.getByTestId('identity-input').fill('Аня Петрова')
  await app.getByTestId('identity-input').press('Enter')
  await expect.poll(async () => (await callApi<Record<string, string>>(served, 'settings.get')).identity).toBe('Аня Петрова')
})
