/**
 * Hostile text typed by a user or arriving from a teammate — titles, authors, tags,
 * notes — and the HTML export made from it: shown everywhere as text, never run.
 */
import type { Page } from '@playwright/test'
import { callApi, expect, test } from './fixtures'

const PAYLOAD = `<img src=x onerror="window.__xss.push('img')"><script>window.__xss.push('script')</script>`
const TAG = `<svg onload=window.__xss.push('tag')>`

async function trap(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = globalThis as unknown as Record<string, unknown> & { __xss: string[] }
    w.__xss = []
    for (const name of ['alert', 'confirm', 'prompt']) w[name] = () => void w.__xss.push(name)
  })
}

test('hostile titles, authors, tags and notes are shown as text in the library, the reader and the HTML export', async ({ page, served }) => {
  await trap(page)
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const list = await callApi<{ items: { id: string }[] }>(served, 'articles.list', { limit: 1 })
  const id = list.items[0].id
  await callApi(served, 'library.editMeta', { selection: { ids: [id] }, title: `Title ${PAYLOAD}`, author: `Author ${PAYLOAD}` })
  await callApi(served, 'library.tag', { selection: { ids: [id] }, add: [TAG] })
  const article = await callApi<{ text: string }>(served, 'articles.get', { id })
  const start = article.text.search(/\p{L}{4}/u)
  await callApi(served, 'annotations.create', { articleId: id, start, end: start + 12, note: `Note ${PAYLOAD}\n\n[link](javascript:window.__xss.push('md'))`, tags: [TAG] })
  await callApi(served, 'articles.setNote', { id, note: `Article note ${PAYLOAD}` })

  await page.goto(served.url)
  const row = page.getByTestId('article-row').filter({ hasText: 'Title <img' })
  await expect(row).toBeVisible()
  await expect(page.getByText(TAG).first()).toBeVisible()
  await row.click()
  await expect(page.getByTestId('article-title')).toContainText('Title <img src=x onerror=')
  await expect(page.getByTestId('annotation-item').first()).toBeVisible()
  await page.getByTestId('annotation-item').first().click()
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (globalThis as unknown as { __xss: string[] }).__xss)).toEqual([])
  expect(await page.locator('img[src="x"], script:not([src]), svg[onload]').count()).toBe(0)

  // The printable HTML export, opened as a page of its own.
  const exported = await callApi<{ download: { base64: string } | null }>(served, 'export.run', { scope: { kind: 'all' }, format: 'html' })
  const html = Buffer.from(exported.download!.base64, 'base64').toString('utf8')
  expect(html).toContain('Title &lt;img')
  const viewer = await page.context().newPage()
  await trap(viewer)
  await viewer.goto(`data:text/html;base64,${exported.download!.base64}`)
  await expect(viewer.getByText('Title <img src=x onerror=').first()).toBeVisible()
  expect(await viewer.evaluate(() => (globalThis as unknown as { __xss: string[] }).__xss)).toEqual([])
  expect(await viewer.locator('script, img[src="x"], svg[onload]').count()).toBe(0)
  expect(dialogs).toEqual([])
})
