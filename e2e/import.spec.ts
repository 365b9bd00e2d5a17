import type { Page, Request } from '@playwright/test'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { XSS_VECTORS } from '../src/main/core/import/xss-vectors'
import { callApi, expect, test, type Served } from './fixtures'

/** A file as the page builds it: text, or raw bytes. */
interface FileSpec {
  name: string
  text?: string
  bytes?: number[]
}

// This project type-checks e2e without the DOM lib: the little of it used in the page.
interface PageFile {
  readonly name: string
}
interface PageWindow {
  DataTransfer: new () => { items: { add(f: PageFile): void }; setData(type: string, value: string): void }
  File: new (parts: unknown[], name: string, opts?: { type?: string }) => PageFile
  Uint8Array: typeof Uint8Array
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean }) => unknown
  document: { body: { dispatchEvent(e: unknown): boolean } }
}

const article = (i: number, words = 40): string =>
  `Field report ${i}\n\n` + Array.from({ length: words }, (_, k) => `Observation ${k} of site ${i} was recorded with care.`).join(' ')

/** Drops files on the window the way a drag from the desktop does. */
async function dropFiles(page: Page, files: FileSpec[]): Promise<void> {
  const dt = await page.evaluateHandle((specs: FileSpec[]) => {
    const w = globalThis as unknown as PageWindow
    const data = new w.DataTransfer()
    for (const f of specs) data.items.add(new w.File([f.bytes ? new w.Uint8Array(f.bytes) : f.text ?? ''], f.name))
    return data
  }, files)
  await page.dispatchEvent('body', 'dragenter', { dataTransfer: dt })
  await expect(page.getByTestId('drop-overlay')).toBeVisible()
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt })
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const w = globalThis as unknown as PageWindow
    const data = new w.DataTransfer()
    data.setData('text/plain', t)
    w.document.body.dispatchEvent(new w.ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  }, text)
}

const count = async (served: Served): Promise<number> => (await callApi<{ total: number }>(served, 'articles.list', { limit: 1, count: true })).total

test.describe('importing articles in the app', () => {
  test('drag-and-drop imports the files; bad ones are listed with their reasons and the rest stay', async ({ app, served }) => {
    const before = await count(served)
    await dropFiles(app, [
      { name: 'a.txt', text: article(1) },
      { name: 'empty.txt', text: '' },
      { name: 'b.md', text: '---\ntitle: Notes from the archive\n---\n\nThe *ledger* was intact.' },
      { name: 'binary.txt', bytes: [0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0xff, 0xfe, 0, 1] },
      { name: 'c.html', text: '<html><head><title>A saved page</title></head><body><article><p>Saved from the web, with words enough to be an article.</p></article></body></html>' }
    ])
    const failures = app.getByTestId('import-failures')
    await expect(failures).toBeVisible()
    await expect(failures.locator('li')).toHaveText([/^empty\.txt: file is empty/, /^binary\.txt: .*(zip archive|binary)/])
    await expect.poll(() => count(served)).toBe(before + 3)
    for (const title of ['Field report 1', 'Notes from the archive', 'A saved page'])
      await expect(app.getByTestId('article-row').filter({ hasText: title })).toBeVisible()
  })

  test('the Import button opens the file chooser and imports what is chosen', async ({ app, served }) => {
    const before = await count(served)
    const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByTestId('import-button').click()])
    expect(chooser.isMultiple()).toBe(true)
    await chooser.setFiles([
      { name: 'one.txt', mimeType: 'text/plain', buffer: Buffer.from(article(2)) },
      { name: 'two.txt', mimeType: 'text/plain', buffer: Buffer.from(article(3)) }
    ])
    await expect.poll(() => count(served)).toBe(before + 2)
    await expect(app.getByTestId('article-row').filter({ hasText: 'Field report 3' })).toBeVisible()
  })

  test('a long import shows its counts and current file as it goes, and cancel stops it between files', async ({ app, served }) => {
    // Enough files that the import (committed in groups of up to 128) is still running when cancel is clicked.
    const TOTAL = 1500
    const before = await count(served)
    const files = Array.from({ length: TOTAL }, (_, i) => ({ name: `batch-${String(i).padStart(4, '0')}.txt`, text: article(1000 + i, 400) }))
    await dropFiles(app, files)
    const counts = app.getByTestId('import-counts')
    await expect(counts).toHaveText(new RegExp(`^\\d+ / ${TOTAL}$`))
    await expect(app.getByTestId('import-current')).toHaveText(/batch-\d{4}\.txt/)
    await expect.poll(async () => Number((await counts.textContent())?.split(' / ')[0] ?? 0), { timeout: 30_000 }).toBeGreaterThan(0)
    await app.getByTestId('import-cancel').click()
    await expect(app.getByTestId('toast').filter({ hasText: 'cancelled' })).toBeVisible({ timeout: 30_000 })
    const added = (await count(served)) - before
    expect(added).toBeGreaterThan(0)
    expect(added).toBeLessThan(TOTAL)
  })

  test('pasting text imports it; pasting a web address (or typing it in "From URL…") has the core fetch it', async ({ app }) => {
    const server: Server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(`<html><head><title>Fetched ${req.url}</title></head><body><article><p>A page the core fetched for the reader from ${req.url}.</p></article></body></html>`)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    try {
      await paste(app, 'Pasted thoughts\n\nA paragraph copied from somewhere else entirely.')
      await expect(app.getByTestId('article-row').filter({ hasText: 'Pasted thoughts' })).toBeVisible()
      await paste(app, `${base}/pasted`)
      await expect(app.getByTestId('article-row').filter({ hasText: 'Fetched /pasted' })).toBeVisible()
      await app.getByTestId('import-url-open').click()
      await app.getByTestId('import-url-input').fill(`${base}/typed`)
      await app.getByTestId('import-url-input').press('Enter')
      await expect(app.getByTestId('article-row').filter({ hasText: 'Fetched /typed' })).toBeVisible()
      await app.getByTestId('article-row').filter({ hasText: 'Fetched /typed' }).click()
      await app.getByTestId('provenance').locator('summary').click()
      await expect(app.getByTestId('provenance-source')).toHaveText(`${base}/typed`)
      await expect(app.getByTestId('provenance-format')).toHaveText('html')
      await expect(app.getByTestId('provenance-hash')).toHaveText(/^[0-9a-f]{64}$/)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})

/** Calls that would mean a vector ran; the page's own code never uses them. */
const TRAP = () => {
  const w = globalThis as unknown as Record<string, unknown> & { __xss: string[]; document: Record<string, unknown> }
  w.__xss = []
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) w[name] = (...a: unknown[]) => void w.__xss.push(`${name}(${a.join(',')})`)
  w.document.write = (...a: unknown[]) => void w.__xss.push(`document.write(${a.join(',')})`)
}

/** Active content left in the rendered article, if any. */
const leftovers = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    type El = { tagName: string; attributes: Iterable<{ name: string; value: string }> }
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): Iterable<El> } }).document
    const found: string[] = []
    for (const el of doc.querySelectorAll('[data-testid=article-body] *')) {
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|FORM|STYLE|BASE|META|LINK|SVG|MATH|FRAME|FRAMESET)$/i.test(el.tagName)) found.push(el.tagName)
      for (const a of el.attributes) {
        // The reader's own chunk containers carry a style; imported markup has no class to look like them.
        const ownChunk = a.name === 'style' && /^chunk(-part)?$/.test((el as unknown as { className: string }).className)
        if (/^on/i.test(a.name) || (a.name === 'style' && !ownChunk) || a.name === 'srcdoc') found.push(`${el.tagName}[${a.name}]`)
        if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && !/^(https?:|mailto:|#|data:image\/(png|jpeg|gif|webp);)/i.test(a.value.trim()))
          found.push(`${el.tagName}[${a.name}=${a.value.slice(0, 40)}]`)
      }
    }
    return found
  })

function watchRequests(page: Page, served: Served): string[] {
  const bad: string[] = []
  page.on('request', (r: Request) => {
    const u = new URL(r.url())
    const ours = u.origin === served.origin && /^\/(?:api\/|assets\/|$|index\.html$|favicon)/.test(u.pathname)
    if (!ours && u.protocol !== 'data:') bad.push(r.url())
  })
  return bad
}

for (const kind of ['html', 'md'] as const) {
  test(`none of the ${XSS_VECTORS.length} XSS vectors imported as ${kind === 'html' ? 'HTML files' : 'Markdown'} runs or sends a request in the reader`, async ({ app, served }) => {
    test.setTimeout(240_000)
    const files = XSS_VECTORS.map((v, i) => {
      const n = String(i).padStart(3, '0')
      const text =
        kind === 'html'
          ? `<!doctype html><html><head><title>XSS ${kind} ${n}</title></head><body><h1>XSS ${kind} ${n}</h1><p>Vector ${n} follows.</p>${v}<p>Vector ${n} ends.</p></body></html>`
          : `---\ntitle: XSS ${kind} ${n}\n---\n\nVector ${n} follows.\n\n${v}\n\nVector ${n} ends.\n`
      return { name: `xss-${n}.${kind}`, base64: Buffer.from(text).toString('base64') }
    })
    const report = await callApi<{ outcomes: Array<{ id?: string; error?: string }> }>(served, 'import.content', { files })
    const ids = [...new Set(report.outcomes.flatMap((o) => (o.id ? [o.id] : [])))]
    expect(ids.length).toBeGreaterThanOrEqual(50)

    await app.addInitScript(TRAP)
    const bad = watchRequests(app, served)
    await app.reload()
    // Newest first: the vectors are the first rows; step through them with "]" (next article).
    await app.getByTestId('article-row').first().click()
    for (let k = 0; k < ids.length; k++) {
      await expect(app.locator('[data-testid=article-body][data-render=complete]')).toBeAttached()
      const title = await app.getByTestId('article-title').textContent()
      expect(await leftovers(app), `active content left in ${title}`).toEqual([])
      expect(await app.evaluate(() => (globalThis as unknown as { __xss: string[] }).__xss), `code ran in ${title}`).toEqual([])
      if (k < ids.length - 1) {
        await app.getByTestId('article-body').press(']')
        await expect(app.getByTestId('article-title')).not.toHaveText(title ?? '')
      }
    }
    expect(bad).toEqual([])
  })
}
