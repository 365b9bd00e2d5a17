import DOMPurify from 'dompurify'
import { marked } from 'marked'

/** What a rendered note may contain: text formatting and links, nothing that loads or runs. */
const NOTE_TAGS = [
  'p', 'br', 'em', 'strong', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td'
]

/**
 * Renders a note's Markdown to HTML that is safe to insert: Markdown passes raw
 * HTML through, so the result is always sanitised (no images, scripts, handlers
 * or styles) before it reaches the page.
 */
export function renderNote(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true })
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS: NOTE_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i
  })
}
