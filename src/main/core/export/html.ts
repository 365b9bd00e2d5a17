/**
 * A self-contained, printable HTML file of the articles' metadata and notes:
 * styles inline, no scripts (and a Content-Security-Policy that would refuse
 * any), every text escaped — titles and notes are the user's and their
 * teammates', and may hold markup.
 */
import type { Color } from '../../../shared/model'
import { escapeHtml } from '../import/text-html'
import type { ExportArticle } from './rows'

/** Border colours of the highlight swatches; dark enough to print. */
const SWATCH: Record<Color, string> = {
  yellow: '#d4a800',
  green: '#3f9b4a',
  blue: '#3a78c9',
  pink: '#d6508e',
  purple: '#8657c4',
  orange: '#e07b1f'
}

const STYLE = `
body{font:16px/1.5 Georgia,"Times New Roman",serif;color:#1b1b1b;background:#fff;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
.generated{color:#666;font-size:.85rem;margin:0 0 2rem}
article{margin:0 0 2.5rem;break-inside:auto}
h2{font-size:1.25rem;margin:0 0 .25rem}
.meta{color:#555;font-size:.9rem;margin:0 0 .75rem}
.meta span+span::before{content:" · "}
.article-note,.note{white-space:pre-wrap;margin:.5rem 0}
.article-note{border:1px solid #ddd;padding:.5rem .75rem;border-radius:4px}
ol{list-style:none;padding:0;margin:0}
li{border-left:4px solid #ccc;padding:.25rem 0 .25rem .75rem;margin:0 0 1rem;break-inside:avoid}
blockquote{margin:0;font-style:italic;white-space:pre-wrap}
.details{color:#666;font-size:.8rem;margin:.25rem 0 0}
.orphaned{color:#a33}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}}
`.trim()

const esc = escapeHtml

export function htmlHead(title: string, generated: string): string {
  return `<!doctype html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Scholia">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="generated">Exported ${esc(generated.slice(0, 10))}</p>
`
}

/** One article: metadata, its own note, then each live highlight with note, colour, tags and creator. */
export function htmlArticle(a: ExportArticle): string {
  const meta = [a.author, a.published, a.source].filter((x): x is string => !!x).map((x) => `<span>${esc(x)}</span>`)
  if (a.tags.length) meta.push(`<span>${a.tags.map(esc).join(', ')}</span>`)
  const items = a.annotations
    .filter((n) => n.deletedAt === null)
    .map((n) => {
      const details = [n.color, n.tags.length ? n.tags.join(', ') : null, n.creator, n.createdAt.slice(0, 10)].filter(Boolean) as string[]
      return `<li style="border-left-color:${SWATCH[n.color] ?? '#ccc'}"><blockquote>${esc(n.exact)}</blockquote>${
        n.note ? `<p class="note">${esc(n.note)}</p>` : ''
      }<p class="details">${details.map(esc).join(' · ')}${n.orphaned ? ' · <span class="orphaned">no longer found in the article</span>' : ''}</p></li>`
    })
  return `<article>
<h2>${esc(a.title)}</h2>
${meta.length ? `<p class="meta">${meta.join('')}</p>\n` : ''}${a.note ? `<div class="article-note">${esc(a.note)}</div>\n` : ''}${
    items.length ? `<ol>\n${items.join('\n')}\n</ol>\n` : ''
  }</article>
`
}

export const HTML_TAIL = '</body>\n</html>\n'
