/**
 * Saved web pages for the HTML import benchmark, generated (no network) in the shape
 * of real ones: heavy news pages (~250 KB, most of it inline scripts, styles, a
 * state blob, navigation, ad slots and footers around a 1–2k-word article, with
 * OpenGraph and JSON-LD metadata) and documentation pages (sidebar navigation, headings,
 * code blocks, tables). Deterministic, so every run measures the same bytes.
 */
import { rng } from '../corpus'

const WORDS = `the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
government minister parliament election economy inflation market energy climate border security agreement talks summit
officials said report according statement analysts week percent million billion city region country residents police court
company shares investors growth policy budget tax health hospital school university research study data scientists`.split(/\s+/)
const DOC_WORDS = `function returns value option argument type string number object array promise callback module import export
configuration default property method class instance interface parameter error event handler request response server client`.split(/\s+/)

type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * r() * xs.length)]

function sentence(r: Rand, words: readonly string[]): string {
  const n = 8 + Math.floor(r() * 16)
  const s = Array.from({ length: n }, () => pick(r, words)).join(' ')
  return s[0].toUpperCase() + s.slice(1) + (r() < 0.1 ? '?' : '.')
}
const paragraph = (r: Rand, words: readonly string[], min = 2, spread = 4): string =>
  Array.from({ length: min + Math.floor(r() * spread) }, () => sentence(r, words)).join(' ')

/** Minified-looking script of about `bytes` characters: analytics, ad loaders, frameworks. */
function script(r: Rand, bytes: number): string {
  const parts: string[] = []
  let size = 0
  while (size < bytes) {
    const id = Math.floor(r() * 1e6).toString(36)
    const chunk =
      `!function(e,t){var n_${id}=e.dataLayer=e.dataLayer||[];function r(){n_${id}.push(arguments)}r("js",new Date);` +
      `r("config","G-${id.toUpperCase()}",{page_path:t.location.pathname,anonymize_ip:!0});` +
      `for(var o=0;o<${Math.floor(r() * 50)};o++){if(t.querySelector("[data-slot='"+o+"']")){var a=t.createElement("div");` +
      `a.className="ad-slot-"+o,a.innerHTML='<iframe src="https://ads.example.net/${id}?s='+o+'" width=300 height=250></iframe>'}}` +
      `}(window,document);\n`
    parts.push(chunk)
    size += chunk.length
  }
  return parts.join('')
}

/** A stylesheet of about `bytes` characters. */
function style(r: Rand, bytes: number): string {
  const parts: string[] = []
  let size = 0
  while (size < bytes) {
    const c = Math.floor(r() * 1e5).toString(36)
    const rule = `.c-${c}{display:flex;margin:0 ${Math.floor(r() * 40)}px;color:#${Math.floor(r() * 0xffffff).toString(16).padStart(6, '0')};font:400 16px/1.5 Georgia,serif}@media (max-width:${600 + Math.floor(r() * 600)}px){.c-${c}{display:block}}\n`
    parts.push(rule)
    size += rule.length
  }
  return parts.join('')
}

function navLinks(r: Rand, n: number, base: string): string {
  return Array.from({ length: n }, (_, i) => {
    const w = pick(r, WORDS)
    return `<li class="nav__item"><a class="nav__link" href="${base}/${w}-${i}" data-track="nav-${i}">${w[0].toUpperCase() + w.slice(1)}</a></li>`
  }).join('')
}

function adSlot(r: Rand, i: number): string {
  return `<div class="ad ad--${i}" data-slot="${i}" aria-hidden="true"><div class="ad__label">Advertisement</div>` +
    `<script>(window.adq=window.adq||[]).push({slot:${i},size:[300,250],kv:{pos:"${r() < 0.5 ? 'top' : 'mid'}"}})</script>` +
    `<noscript><img src="https://ads.example.net/pixel?slot=${i}" width="1" height="1" alt=""></noscript></div>`
}

/** A heavy news page of about 250 KB. */
export function newsPage(i: number): string {
  const r = rng(7_000_003 + i)
  const title = sentence(r, WORDS).replace(/[.?]$/, '')
  const author = `${pick(r, ['Anna', 'Boris', 'Claire', 'David', 'Elena', 'Farid'])} ${pick(r, ['Ivanova', 'Smith', 'Okafor', 'Müller', 'Tanaka', 'Kowalski'])}`
  const date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T08:${String(i % 60).padStart(2, '0')}:00Z`
  const url = `https://news.example.com/world/2024/${i}/${title.toLowerCase().split(' ').slice(0, 6).join('-')}`
  const jsonLd = JSON.stringify({
    '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: date, dateModified: date,
    author: [{ '@type': 'Person', name: author }], publisher: { '@type': 'Organization', name: 'The Example Times' },
    mainEntityOfPage: url, image: ['https://cdn.example.com/img/lead.jpg']
  })
  const state = JSON.stringify({
    page: { id: i, section: 'world', tags: Array.from({ length: 40 }, () => pick(r, WORDS)) },
    related: Array.from({ length: 200 }, (_, k) => ({ id: k, title: sentence(r, WORDS), url: `${url}/related/${k}` }))
  })
  const body: string[] = []
  const paras = 15 + Math.floor(r() * 15)
  for (let k = 0; k < paras; k++) {
    body.push(`<p class="article__p">${paragraph(r, WORDS)}</p>`)
    if (k === 3) body.push(`<figure class="article__figure"><img src="https://cdn.example.com/img/${i}-${k}.jpg" srcset="https://cdn.example.com/img/${i}-${k}@2x.jpg 2x" alt="${sentence(r, WORDS)}" loading="lazy"><figcaption>${sentence(r, WORDS)} Photo: Agency</figcaption></figure>`)
    if (k === 6) body.push(`<aside class="inline-related"><h4>Read more</h4><ul>${navLinks(r, 4, url)}</ul></aside>`)
    if (k === 8) body.push(`<blockquote class="quote"><p>${sentence(r, WORDS)}</p></blockquote>`)
    if (k % 7 === 5) body.push(adSlot(r, k))
  }
  return `<!DOCTYPE html>
<html lang="en" class="no-js"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} | The Example Times</title>
<meta name="description" content="${sentence(r, WORDS)}"><meta name="author" content="${author}">
<meta property="og:title" content="${title}"><meta property="og:type" content="article"><meta property="og:url" content="${url}">
<meta property="og:site_name" content="The Example Times"><meta property="article:published_time" content="${date}">
<link rel="canonical" href="${url}"><link rel="stylesheet" href="https://cdn.example.com/css/main.css">
<style>${style(r, 55_000)}</style>
<script>${script(r, 60_000)}</script>
<script type="application/ld+json">${jsonLd}</script>
</head><body class="page page--article">
<header class="site-header"><a class="logo" href="/">The Example Times</a><nav class="nav" aria-label="Main"><ul class="nav__list">${navLinks(r, 120, 'https://news.example.com')}</ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"><button>Go</button></form></header>
${adSlot(r, 0)}
<main id="main"><article class="article"><header class="article__header"><h1 class="article__title">${title}</h1>
<div class="byline">By <a rel="author" href="/authors/${i}">${author}</a> · <time datetime="${date}">${date.slice(0, 10)}</time></div></header>
<div class="article__body">${body.join('\n')}</div>
<footer class="article__footer"><div class="share"><a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}">Share</a></div></footer></article>
<aside class="sidebar"><h3>Most read</h3><ol>${navLinks(r, 30, 'https://news.example.com/most-read')}</ol>${adSlot(r, 99)}</aside></main>
<footer class="site-footer"><ul>${navLinks(r, 150, 'https://news.example.com/footer')}</ul><p>© 2024 The Example Times</p></footer>
<script>window.__INITIAL_STATE__=${state}</script>
<script>${script(r, 45_000)}</script>
</body></html>`
}

/** A documentation page of about 60–120 KB: sidebar, headings, code, tables. */
export function docsPage(i: number): string {
  const r = rng(9_000_011 + i)
  const title = `${pick(r, ['Configuring', 'Using', 'Extending', 'Testing'])} the ${pick(r, DOC_WORDS)} ${pick(r, DOC_WORDS)}`
  const sections: string[] = []
  for (let s = 0; s < 8 + Math.floor(r() * 6); s++) {
    sections.push(`<h2 id="s${s}">${sentence(r, DOC_WORDS).replace(/[.?]$/, '')}<a class="anchor" href="#s${s}">#</a></h2>`)
    for (let k = 0; k < 3; k++) sections.push(`<p>${paragraph(r, DOC_WORDS, 2, 3)} See <code>${pick(r, DOC_WORDS)}()</code>.</p>`)
    sections.push(`<pre><code class="language-ts">import { ${pick(r, DOC_WORDS)} } from 'lib'\n\nconst x = ${pick(r, DOC_WORDS)}({ ${pick(r, DOC_WORDS)}: true })\nif (x &amp;&amp; x.ok) console.log(x)\n</code></pre>`)
    if (s % 3 === 0)
      sections.push(`<table><thead><tr><th>Option</th><th>Type</th><th>Default</th></tr></thead><tbody>${Array.from({ length: 6 }, () => `<tr><td><code>${pick(r, DOC_WORDS)}</code></td><td>${pick(r, DOC_WORDS)}</td><td>${sentence(r, DOC_WORDS)}</td></tr>`).join('')}</tbody></table>`)
  }
  const sidebar = Array.from({ length: 12 }, (_, g) => `<li><span>${pick(r, DOC_WORDS)}</span><ul>${navLinks(r, 15, `/docs/${g}`)}</ul></li>`).join('')
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} — Example Docs</title>
<meta name="description" content="${sentence(r, DOC_WORDS)}"><link rel="canonical" href="https://docs.example.org/guide/${i}">
<style>${style(r, 15_000)}</style><script>${script(r, 20_000)}</script></head>
<body><div class="layout"><nav class="sidebar"><ul>${sidebar}</ul></nav>
<main class="content"><article><h1>${title}</h1>${sections.join('\n')}</article>
<nav class="pager"><a href="/docs/prev">Previous</a><a href="/docs/next">Next</a></nav></main></div>
<footer>Example Docs · <a href="https://github.com/example/docs">Edit this page</a></footer><script>${script(r, 10_000)}</script></body></html>`
}

/** The benchmark's page set: `news` heavy news pages and `docs` documentation pages. */
export function benchmarkPages(news = 30, docs = 10): { name: string; html: string }[] {
  return [
    ...Array.from({ length: news }, (_, i) => ({ name: `news-${String(i).padStart(2, '0')}.html`, html: newsPage(i) })),
    ...Array.from({ length: docs }, (_, i) => ({ name: `docs-${String(i).padStart(2, '0')}.html`, html: docsPage(i) }))
  ]
}
