import type { Page } from '@playwright/test'
import { callApi, expect, type Served } from './fixtures'

export interface ApiAnnotation {
  id: string
  start: number
  end: number
  exact: string
  color: string
  note: string
  tags: string[]
  orphaned: boolean
}

/** Imports a Markdown article through the API and returns its id. */
export async function importMarkdown(served: Served, name: string, title: string, body: string): Promise<string> {
  const content = `---\ntitle: ${title}\nauthor: Test Author\n---\n\n${body}\n`
  const report = await callApi<{ outcomes: Array<{ id?: string; error?: string }> }>(served, 'import.content', {
    files: [{ name, base64: Buffer.from(content).toString('base64') }]
  })
  const outcome = report.outcomes[0]
  if (!outcome.id) throw new Error(`import failed: ${outcome.error}`)
  return outcome.id
}

/** Opens an article from the library list and waits until all of it is in the page. */
export async function openArticle(page: Page, title: string): Promise<void> {
  const row = page.getByTestId('article-row').filter({ hasText: title }).first()
  await expect(row).toBeVisible()
  await row.click()
  await expect(page.getByTestId('article-title')).toHaveText(title)
  await expect(page.locator('[data-testid=article-body][data-render=complete]')).toBeAttached()
}

/** The article's text as the page holds it: its text nodes, in order. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.querySelector('[data-testid=article-body]')!
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    let text = ''
    for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data
    return text
  })
}

/**
 * Viewport boxes of the first and last characters of an occurrence of `phrase`
 * in the page's text (it may cross element boundaries), scrolled into view.
 */
async function phraseEnds(page: Page, phrase: string, occurrence: number, index = 0) {
  return page.evaluate(
    ({ phrase, occurrence, index }) => {
      const body = document.querySelector('[data-testid=article-body]')!
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      const starts: number[] = []
      let text = ''
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push(n as Text)
        starts.push(text.length)
        text += (n as Text).data
      }
      let at = -1
      for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1)
      if (at < 0) throw new Error(`phrase not in the page: ${phrase}`)
      const point = (offset: number) => {
        let i = starts.length - 1
        while (starts[i] > offset) i--
        return { node: nodes[i], offset: offset - starts[i] }
      }
      const box = (offset: number) => {
        const p = point(offset)
        const r = document.createRange()
        r.setStart(p.node, p.offset)
        r.setEnd(p.node, p.offset + 1)
        return r.getBoundingClientRect()
      }
      point(at).node.parentElement!.scrollIntoView({ block: 'center' })
      const first = box(at + index)
      const last = box(at + phrase.length - 1)
      return {
        first: { x: first.left + first.width / 2, y: first.top + first.height / 2, left: first.left },
        last: { x: last.left + last.width / 2, y: last.top + last.height / 2, right: last.right }
      }
    },
    { phrase, occurrence, index }
  )
}

/** Selects a phrase by dragging the mouse from its first to its last character. */
export async function dragSelect(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const { first, last } = await phraseEnds(page, phrase, occurrence)
  await page.mouse.move(first.left + 1, first.y)
  await page.mouse.down()
  await page.mouse.move((first.x + last.x) / 2, (first.y + last.y) / 2, { steps: 4 })
  await page.mouse.move(last.right - 1, last.y, { steps: 4 })
  await page.mouse.up()
}

/** Viewport centre of character `index` of an occurrence of `phrase`. */
export async function pointInPhrase(page: Page, phrase: string, index: number): Promise<{ x: number; y: number }> {
  const { first } = await phraseEnds(page, phrase, 0, index)
  return { x: first.x, y: first.y }
}

/** The texts painted by one CSS highlight (a colour, or the find layers). */
export function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((name) => {
    const h = CSS.highlights.get(name)
    if (!h) return []
    return [...h].map((r) => {
      const range = document.createRange()
      range.setStart(r.startContainer, r.startOffset)
      range.setEnd(r.endContainer, r.endOffset)
      return range.toString()
    })
  }, name)
}

export function annotationsOf(served: Served, articleId: string): Promise<ApiAnnotation[]> {
  return callApi<ApiAnnotation[]>(served, 'annotations.list', { articleId })
}

/** Offset range of a phrase in an article's stored text. */
export async function rangeOfPhrase(served: Served, articleId: string, phrase: string): Promise<{ start: number; end: number }> {
  const a = await callApi<{ text: string }>(served, 'articles.get', { id: articleId })
  const start = a.text.indexOf(phrase)
  if (start < 0) throw new Error(`phrase not in the article: ${phrase}`)
  return { start, end: start + phrase.length }
}
