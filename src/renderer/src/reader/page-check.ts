import type { Article } from '@shared/model'

/**
 * Checks the promise offsets rest on: the page's text is the stored text. Each
 * chunk was checked as it was shown; this checks the page as a whole (in
 * development, or when the sanitiser changed something), and marks the body
 * `data-render="complete"`, and `data-text-mismatch` when they differ.
 * @param mismatch - the block source already found text that differs
 * @param removed - nodes or attributes the reader's sanitiser removed
 */
export function checkPageText(body: HTMLElement, article: Article, mismatch: boolean, removed: number): void {
  body.dataset.render = 'complete'
  if (mismatch) body.dataset.textMismatch = 'true'
  if (removed === 0 && !import.meta.env.DEV) return
  const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
  const parts: string[] = []
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data)
  if (parts.join('') !== article.text) {
    body.dataset.textMismatch = 'true'
    console.error(`reader: the page text of article ${article.id} differs from article.text — highlight positions may be off`)
  }
}
