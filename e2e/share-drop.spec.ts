import type { Page } from '@playwright/test'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callApi, expect, test, type Served } from './fixtures'

// This project type-checks e2e without the DOM lib: the little of it used in the page.
interface PageWindow {
  DataTransfer: new () => { items: { add(f: unknown): void }; setData(type: string, value: string): void }
  File: new (parts: unknown[], name: string) => unknown
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean }) => unknown
  document: { body: { dispatchEvent(e: unknown): boolean } }
}

interface ArticleInfo {
  id: string
  title: string
  text: string
  provenance: { contentHash: string }
}

/** A teammate's JSON-LD export with one note on the first sample article; `n` varies the annotation id and words. */
async function teammateFile(served: Served, n: number): Promise<{ json: string; quote: string; title: string }> {
  const page = await callApi<{ items: { id: string }[] }>(served, 'articles.list', { limit: 1, sort: 'title', desc: false })
  const article = await callApi<ArticleInfo>(served, 'articles.get', { id: page.items[0].id })
  const runs = article.text.match(/[\p{L}][\p{L} ,]{20,40}[\p{L}]/gu)!
  const quote = runs[n]
  const start = article.text.indexOf(quote)
  const doc = {
    '@context': ['http://www.w3.org/ns/anno.jsonld', { scholia: 'https://scholia.app/ns#' }],
    type: 'AnnotationCollection',
    first: {
      type: 'AnnotationPage',
      items: [
        {
          id: `urn:uuid:7d3c1f0e-5b7a-4c1e-9d2a-2f6b8e4a1c3${n}`,
          type: 'Annotation',
          created: '2024-05-01T09:00:00Z',
          modified: '2024-05-01T09:00:00Z',
          creator: { type: 'Person', name: 'Maria Teammate' },
          body: [{ type: 'TextualBody', value: `Note ${n}.`, purpose: 'commenting' }],
          target: {
            source: `urn:scholia:sha256:${article.provenance.contentHash}`,
            selector: [
              { type: 'TextQuoteSelector', exact: quote, prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start, end: start + quote.length }
            ]
          }
        }
      ]
    }
  }
  return { json: JSON.stringify(doc), quote, title: article.title }
}

const total = async (served: Served): Promise<number> => (await callApi<{ total: number }>(served, 'articles.list', { limit: 1, count: true })).total

async function expectSummary(app: Page, file: string, added: string): Promise<void> {
  const summary = app.getByTestId('share-summary')
  await expect(summary).toContainText(`Imported ${file}`)
  await expect(summary).toContainText('Notes by Maria Teammate')
  await expect(summary.getByTestId('share-added')).toHaveText(added)
  await summary.getByTestId('share-summary-close').click()
}

test('a teammate’s .jsonld dropped on the window imports their notes, while an article dropped with it is imported as an article', async ({ app, served }) => {
  const { json } = await teammateFile(served, 0)
  const before = await total(served)
  const dt = await app.evaluateHandle((text: string) => {
    const w = globalThis as unknown as PageWindow
    const data = new w.DataTransfer()
    data.items.add(new w.File([text], 'maria.jsonld'))
    data.items.add(new w.File(['Dropped beside the notes\n\nA short article that came in the same drag.'], 'beside.txt'))
    return data
  }, json)
  await app.dispatchEvent('body', 'dragenter', { dataTransfer: dt })
  await app.dispatchEvent('body', 'drop', { dataTransfer: dt })
  await expectSummary(app, 'maria.jsonld', '1')
  // The notes file did not become an article; the text file did.
  await expect.poll(() => total(served)).toBe(before + 1)
  await expect(app.getByTestId('article-row').filter({ hasText: 'Dropped beside the notes' })).toBeVisible()
})

test('the Import… file chooser sends a teammate’s .jsonld to the sharing importer', async ({ app, served }) => {
  const { json, quote, title } = await teammateFile(served, 1)
  const before = await total(served)
  await app.getByTestId('import-input').setInputFiles({ name: 'team.jsonld', mimeType: 'application/ld+json', buffer: Buffer.from(json) })
  await expectSummary(app, 'team.jsonld', '1')
  expect(await total(served)).toBe(before)
  await app.getByTestId('article-row').filter({ hasText: title.slice(0, 30) }).first().click()
  await expect(app.getByTestId('annotation-item').filter({ hasText: quote.slice(0, 20) }).getByTestId('annotation-creator')).toHaveText('Maria Teammate')
})

test('a pasted path to a teammate’s .jsonld imports their notes from that file', async ({ app, served }) => {
  const { json } = await teammateFile(served, 2)
  const dir = mkdtempSync(join(tmpdir(), 'scholia-e2e-notes-'))
  try {
    const path = join(dir, 'from-maria.jsonld')
    writeFileSync(path, json)
    const before = await total(served)
    await app.evaluate((text: string) => {
      const w = globalThis as unknown as PageWindow
      const data = new w.DataTransfer()
      data.setData('text/plain', text)
      w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
    }, path)
    await expectSummary(app, 'from-maria.jsonld', '1')
    expect(await total(served)).toBe(before)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
})

test('several teammates’ files dropped at once: the summary shows each file, and a broken one does not stop the others', async ({ app, served }) => {
  const a = await teammateFile(served, 3)
  const b = await teammateFile(served, 4)
  const dt = await app.evaluateHandle(
    ([first, second]: string[]) => {
      const w = globalThis as unknown as PageWindow
      const data = new w.DataTransfer()
      data.items.add(new w.File([first], 'maria.jsonld'))
      data.items.add(new w.File(['{ "type": "AnnotationCollection", '], 'broken.jsonld'))
      data.items.add(new w.File([second], 'ivan.jsonld'))
      return data
    },
    [a.json, b.json]
  )
  await app.dispatchEvent('body', 'dragenter', { dataTransfer: dt })
  await app.dispatchEvent('body', 'drop', { dataTransfer: dt })
  const summary = app.getByTestId('share-summary')
  await expect(summary).toContainText('Imported notes from 3 files')
  const files = summary.getByTestId('share-file')
  await expect(files).toHaveCount(3)
  await expect(files.nth(0)).toContainText('maria.jsonld')
  await expect(files.nth(0).getByTestId('share-added')).toHaveText('1')
  await expect(files.nth(1)).toContainText('broken.jsonld')
  await expect(files.nth(1).getByTestId('share-file-error')).toContainText('broken.jsonld')
  await expect(files.nth(2).getByTestId('share-added')).toHaveText('1')
  await summary.getByTestId('share-summary-close').click()
  await expect(summary).toHaveCount(0)
})
