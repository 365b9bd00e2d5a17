/**
 * Screenshots of the real UI for the README and docs/. Runs only when asked:
 * SCHOLIA_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts
 */
import { join } from 'node:path'
import { callApi, expect, ROOT, test } from './fixtures'

test.skip(!process.env.SCHOLIA_SCREENSHOTS, 'screenshots are made on request (SCHOLIA_SCREENSHOTS=1)')
test.use({ viewport: { width: 1360, height: 860 } })

const shot = (name: string) => join(ROOT, 'docs', name)

test('library, reader with highlights, export dialog', async ({ app, served }) => {
  const page = app
  const list = await callApi<{ items: { id: string; title: string }[] }>(served, 'articles.list', {})
  const interview = list.items.find((a) => a.title.startsWith('Stanislav Zas'))!
  const article = await callApi<{ text: string }>(served, 'articles.get', { id: interview.id })
  const mark = async (phrase: string, color: string, note = '', tags: string[] = []) => {
    const start = article.text.indexOf(phrase)
    await callApi(served, 'annotations.create', { articleId: interview.id, start, end: start + phrase.length, color, note, tags })
  }
  await mark('transformed itself into an influential multifunctional structure', 'yellow', 'Self-description — compare with the 2002 charter.', ['claims'])
  await mark('foreign policy coordination, military cooperation and countering challenges and threats', 'green', 'The **three priority areas**.', ['topic/structure'])
  await mark('Collective Security Council', 'blue')
  await page.reload()
  await expect(page.getByTestId('article-row').first()).toBeVisible()
  await page.screenshot({ path: shot('library.png') })

  await page.getByTestId('article-row').filter({ hasText: 'Stanislav Zas' }).first().click()
  await expect(page.getByTestId('annotation-item').first()).toBeVisible()
  await page.waitForTimeout(500)
  await page.screenshot({ path: shot('reader.png') })

  await page.getByTestId('back-to-library').click()
  await page.getByTestId('open-export').click()
  await expect(page.getByTestId('export-dialog')).toBeVisible()
  await page.waitForTimeout(300)
  await page.screenshot({ path: shot('export.png') })
})
