/**
 * Opens a library in a fresh process the way the app's main process does, does
 * what opening the app does (first page, tag pane) plus a few searches, and
 * prints the resident memory: the RSS figure of the benchmark, free of the
 * generator's and the benchmark's own allocations.
 */
import { LibraryFilter } from '../../src/shared/api/library'
import { listArticles } from '../../src/main/core/articles/list'
import { Library } from '../../src/main/core/library'
import { search } from '../../src/main/core/search/run'
import { tagTree } from '../../src/main/core/tags/tree'
import { benchQueries } from './queries'

const t0 = performance.now()
const lib = Library.open(process.argv[2])
const opened = performance.now()
// As the UI asks: the page first, its count after it is shown.
const page = listArticles(lib, { sort: 'added', desc: true, cursor: null, limit: 100, count: false, filter: LibraryFilter.parse({ archived: false }) })
const openMs = opened - t0
const pageMs = performance.now() - opened
tagTree(lib)
for (const { q } of benchQueries().slice(0, 10)) search(lib, q, 20)
let cursor = page.nextCursor
for (let i = 0; i < 50 && cursor; i++) cursor = listArticles(lib, { sort: 'added', desc: true, cursor, limit: 100 }).nextCursor
globalThis.gc?.()
console.log(JSON.stringify({ rssMb: process.memoryUsage().rss / 2 ** 20, openMs, pageMs }))
lib.close()
