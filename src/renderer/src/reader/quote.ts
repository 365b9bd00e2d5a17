import type { Article } from '@shared/model'

/**
 * A quote as it is pasted into a document or message: the words in quotation
 * marks, then where they come from, so the citation survives the paste.
 */
export function formatQuote(exact: string, article: Pick<Article, 'title' | 'author' | 'source' | 'published'>): string {
  const words = exact.replace(/\s+/g, ' ').trim()
  const who = [article.author, article.title].filter(Boolean).join(', ')
  const year = article.published ? ` (${article.published.slice(0, 4)})` : ''
  const where = article.source && /^https?:/i.test(article.source) ? ` — ${article.source}` : ''
  return `“${words}”\n— ${who}${year}${where}`
}

/** Writes text to the clipboard, falling back to a hidden textarea where the async API is refused. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text)
    return
  } catch {
    // Not allowed here (no focus, or no permission): use the old path.
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  const ok = document.execCommand('copy')
  area.remove()
  if (!ok) throw new Error('the clipboard is not available here — select the text and press Ctrl+C')
}
