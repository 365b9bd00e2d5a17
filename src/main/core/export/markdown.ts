import { toJson } from './native-json'
import type { ExportAnnotation, ExportArticle } from './rows'
import { renderTemplate } from './template'

/** Line breaks a JSON string leaves raw but YAML 1.1 readers take as line breaks. */
const YAML_BREAKS = /[\u0085\u2028\u2029]/g

/**
 * A YAML scalar for any string. YAML 1.2 is a superset of JSON, so a JSON
 * string is a valid double-quoted scalar; the few characters older YAML
 * readers treat as line breaks are escaped too.
 */
export function yamlString(s: string): string {
  return toJson(s).replace(YAML_BREAKS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** Full dates stay bare so Obsidian reads them as dates; anything else is quoted. */
function yamlDate(d: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : yamlString(d)
}

/** YAML front matter: title, author, published, source, tags, scholia id (empty fields left out). */
export function frontMatter(a: ExportArticle): string {
  const lines = ['---', `title: ${yamlString(a.title)}`]
  if (a.author) lines.push(`author: ${yamlString(a.author)}`)
  if (a.published) lines.push(`published: ${yamlDate(a.published)}`)
  if (a.source) lines.push(`source: ${yamlString(a.source)}`)
  if (a.tags.length) lines.push('tags:', ...a.tags.map((t) => `  - ${yamlString(t)}`))
  lines.push(`scholia_id: ${a.id}`, '---')
  return lines.join('\n')
}

/** A quote as a Markdown blockquote, every line marked (blank lines too, so it stays one quote). */
export function quoteBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n')
}

/** Tags as inline hashtags; spaces (which end a hashtag) become hyphens. */
export function inlineTags(tags: readonly string[]): string {
  return tags.map((t) => `#${t.replace(/\s+/g, '-')}`).join(' ')
}

function highlightView(n: ExportAnnotation) {
  return {
    id: n.id,
    quote: n.exact,
    quoteBlock: quoteBlock(n.exact),
    note: n.note,
    color: n.color,
    tags: n.tags,
    tagsInline: inlineTags(n.tags),
    creator: n.creator ?? '',
    created: n.createdAt,
    modified: n.updatedAt,
    orphaned: n.orphaned,
    start: n.start,
    end: n.end
  }
}

/** What a template sees for one article (the names in TEMPLATE_FIELDS). */
export function articleView(a: ExportArticle) {
  const live = a.annotations.filter((n) => n.deletedAt === null)
  return {
    frontMatter: frontMatter(a),
    id: a.id,
    title: a.title,
    author: a.author ?? '',
    published: a.published ?? '',
    source: a.source ?? '',
    site: a.site ?? '',
    note: a.note,
    tags: a.tags,
    tagsInline: inlineTags(a.tags),
    importedAt: a.importedAt,
    highlights: live.map(highlightView),
    highlightCount: live.length
  }
}

/** One article's Markdown file: the template applied, with one trailing newline. */
export function articleMarkdown(template: string, a: ExportArticle): string {
  return `${renderTemplate(template, articleView(a)).replace(/\n{3,}/g, '\n\n').trimEnd()}\n`
}

/**
 * Annotations for the clipboard, grouped under their article: a bold title
 * line with author and source, then each quote with its note.
 */
export function clipboardMarkdown(articles: readonly ExportArticle[]): string {
  const parts: string[] = []
  for (const a of articles) {
    const live = a.annotations.filter((n) => n.deletedAt === null)
    if (live.length === 0) continue
    const by = [a.author, a.source].filter(Boolean).join(' · ')
    parts.push(`**${a.title}**${by ? ` — ${by}` : ''}`)
    for (const n of live) {
      parts.push(quoteBlock(n.exact))
      if (n.note.trim()) parts.push(n.note.trim())
    }
  }
  return parts.length ? `${parts.join('\n\n')}\n` : ''
}
