import Mustache from 'mustache'
import { ScholiaError } from '../../../shared/errors'
import type { Library } from '../library'

/** Settings key of the user's Markdown template. */
export const TEMPLATE_SETTING = 'exportTemplate'

/**
 * The Markdown written per article unless the user edits it. Mustache syntax:
 * `{{field}}` inserts a value as written (no HTML escaping: this is
 * Markdown), `{{#list}}…{{/list}}` repeats per item or shows a part only when
 * the field is set, `{{^field}}…{{/field}}` when it is not. Properties are
 * written `key:: value`, which Logseq and Obsidian's Dataview both read;
 * tags inline as `#tag/child`, which both link.
 */
export const DEFAULT_TEMPLATE = `{{frontMatter}}

# {{title}}

{{#note}}
{{note}}

{{/note}}
{{#highlights}}
{{quoteBlock}}
{{#note}}

{{note}}
{{/note}}

color:: {{color}}
{{#tagsInline}}
tags:: {{tagsInline}}
{{/tagsInline}}
{{#orphaned}}
status:: orphaned (these words are no longer in the article)
{{/orphaned}}

{{/highlights}}
`

/** The placeholders a template may use, for the editor's help text. */
export const TEMPLATE_FIELDS = {
  article: ['frontMatter', 'title', 'author', 'published', 'source', 'site', 'id', 'note', 'tags', 'tagsInline', 'importedAt', 'highlights', 'highlightCount'],
  highlight: ['quote', 'quoteBlock', 'note', 'color', 'tags', 'tagsInline', 'creator', 'created', 'modified', 'id', 'orphaned', 'start', 'end']
} as const

/** Markdown is not HTML: values go in as written. */
const AS_WRITTEN = { escape: (s: unknown) => String(s) }

/** Checks that a template parses, naming the problem in one line otherwise. */
export function checkTemplate(template: string): void {
  try {
    Mustache.parse(template)
  } catch (e) {
    const msg = ((e as Error).message ?? String(e)).split('\n')[0]
    throw new ScholiaError('invalid_argument', `template: ${msg} — close every {{#section}} with {{/section}}`)
  }
}

/** Renders one article's view (see markdown.ts) with a checked template. */
export function renderTemplate(template: string, view: object): string {
  return Mustache.render(template, view, undefined, AS_WRITTEN)
}

/** The user's saved template, or the default. */
export function savedTemplate(lib: Library): string {
  return lib.getSetting(TEMPLATE_SETTING) ?? DEFAULT_TEMPLATE
}

export function saveTemplate(lib: Library, template: string): void {
  checkTemplate(template)
  lib.write(() => lib.setSetting(TEMPLATE_SETTING, template))
}
