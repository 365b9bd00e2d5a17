/**
 * The library benchmark (issue 5): list pages, tag filters, search against the
 * same FTS5 MATCH run bare, bulk tagging and memory, on a generated library of
 * `articles` articles of 2–20 KB and `annotations` annotations.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { LibraryFilter, Selection } from '../../src/shared/api/library'
import { countMatching } from '../../src/main/core/articles/list'
import { Library } from '../../src/main/core/library'
import { bulkTag } from '../../src/main/core/library/bulk'
import { annotationMatch, articleMatch } from '../../src/main/core/search/fts'
import { parseQuery } from '../../src/main/core/search/parse'
import { ANNOTATION_BM25, ARTICLE_BM25, RANK_WINDOW, search } from '../../src/main/core/search/run'
import { deleteTag, restoreTags } from '../../src/main/core/tags/remove'
import { renameTag } from '../../src/main/core/tags/rename'
import { tagTree } from '../../src/main/core/tags/tree'
import type { ColdWalk } from './cold-probe'
import { generateLibrary } from './generate'
import { LATER_PAGES, PAGE, pages, REPEAT, WALKS, worstAt, worstMedianLabel, type PageFigures } from './pages'
import { benchQueries } from './queries'
import { cpuTime, median, ms, percentile, time } from './timing'
import { addTagNodes } from './upgrade'

export interface LibraryBenchOptions {
  articles: number
  annotations: number
  /** Reuse (or create and keep) the generated library at this path. */
  libraryPath?: string
  /** Also walk later pages with the library file dropped from the OS page cache (cold-probe.ts; Linux). */
  cold?: boolean
}

const SEARCH_LIMIT = 20

function verdict(value: number, target: number): string {
  return value <= target ? '✅' : '❌'
}

interface Row {
  what: string
  value: string
  target: string
  ok: string
}

/** The same MATCH expressions search() builds, run bare on the FTS5 tables: the floor search cannot go below. */
function bareSearch(lib: Library, q: string): void {
  const parsed = parseQuery(q)
  const a = articleMatch(parsed)
  const n = annotationMatch(parsed)
  if (a)
    lib.db
      .prepare(`SELECT rowid, ${ARTICLE_BM25} AS score FROM articles_fts WHERE articles_fts MATCH ? ORDER BY score LIMIT ?`)
      .all(a, SEARCH_LIMIT + 1)
  if (n)
    lib.db
      .prepare(`SELECT rowid, ${ANNOTATION_BM25} AS score FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY score LIMIT ?`)
      .all(n, SEARCH_LIMIT + 1)
}

function rssOfFreshProcess(path: string): { rssMb: number; openMs: number; pageMs: number } {
  const probe = fileURLToPath(new URL('./rss-probe.ts', import.meta.url))
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe, path], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as { rssMb: number; openMs: number; pageMs: number }
}

/** Later pages in a fresh process with the library file out of the OS page cache; leaves the file cold. */
function coldWalks(path: string): ColdWalk[] {
  const probe = fileURLToPath(new URL('./cold-probe.ts', import.meta.url))
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe, path], { encoding: 'utf8' })
  return out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as ColdWalk)
}

/** Runs the benchmark and returns its Markdown section. */
export async function runLibraryBench(opts: LibraryBenchOptions): Promise<string> {
  const dir = opts.libraryPath ? null : mkdtempSync(join(tmpdir(), 'scholia-bench-library-'))
  const path = opts.libraryPath ?? join(dir!, 'library.db')
  let generatedIn = 'reused'
  if (!existsSync(path)) generatedIn = `${generateLibrary(path, opts).seconds.toFixed(0)} s`
  const lib = Library.open(path)
  const upgraded = addTagNodes(lib)
  if (upgraded !== null) generatedIn += `, tag-node tables added in ${upgraded.toFixed(0)} s`
  try {
    const counts = lib.db.prepare('SELECT (SELECT count(*) FROM articles) AS a, (SELECT count(*) FROM annotations) AS n').get() as { a: number; n: number }
    const rows: Row[] = []
    const add = (what: string, value: number, target: number | null, unit = 'ms') =>
      rows.push({ what, value: `${ms(value)} ${unit}`, target: target === null ? '' : `≤ ${target} ${unit}`, ok: target === null ? '' : verdict(value, target) })
    const addWorst = (what: string, p: PageFigures) => add(worstMedianLabel(what, p), p.worstMedian, 20)

    const all = await pages(lib, 'added', true, {})
    add(`library first page (${PAGE} rows)`, all.first, 100)
    add(`library first page + count of all ${all.total.toLocaleString('en')}`, all.first + all.count, 100)
    add(`library later page (median of ${LATER_PAGES})`, all.later, 20)
    add(`library later page (slowest by CPU: ${worstAt(all)})`, all.laterMaxCpu, 20)
    addWorst('library later page', all)
    const unarchived = await pages(lib, 'added', true, { archived: false })
    add('first page, archived hidden (UI default)', unarchived.first, 100)
    // The UI asks for this count right after the page: a scan of every article row (the archived flag is in no index).
    add(`first page + count, archived hidden (${unarchived.total.toLocaleString('en')})`, unarchived.first + unarchived.count, 100)
    add('later page, archived hidden', unarchived.later, 20)
    add(`later page, archived hidden (slowest by CPU: ${worstAt(unarchived)})`, unarchived.laterMaxCpu, 20)
    addWorst('later page, archived hidden', unarchived)
    const byTitle = await pages(lib, 'title', false, { archived: false })
    add('first page sorted by title', byTitle.first, 100)
    add('later page sorted by title', byTitle.later, 20)
    add(`later page sorted by title (slowest by CPU: ${worstAt(byTitle)})`, byTitle.laterMaxCpu, 20)
    addWorst('later page sorted by title', byTitle)
    const byPublished = await pages(lib, 'published', true, { archived: false })
    add('first page sorted by published', byPublished.first, 100)
    add('later page sorted by published', byPublished.later, 20)
    add(`later page sorted by published (slowest by CPU: ${worstAt(byPublished)})`, byPublished.laterMaxCpu, 20)
    addWorst('later page sorted by published', byPublished)
    // Ascending starts inside the 70,000 never-read articles, which all share one key.
    const byLastRead = await pages(lib, 'lastRead', false, { archived: false })
    add('later page sorted by last read, never-read first', byLastRead.later, 20)
    add(`later page sorted by last read (slowest by CPU: ${worstAt(byLastRead)})`, byLastRead.laterMaxCpu, 20)
    addWorst('later page sorted by last read', byLastRead)

    for (const [label, tag] of [['parent tag "region" (with children)', 'region'], ['tag "topic/security"', 'topic/security'], ['rare tag "project/p150"', 'project/p150']]) {
      const p = await pages(lib, 'added', true, { tagsAll: [tag] })
      add(`tag filter: ${label}, first page`, p.first, 50)
      add(`tag filter: ${label}, count (${p.total.toLocaleString('en')})`, p.count, 50)
      add(`tag filter: ${label}, later page`, p.later, 20)
      add(`tag filter: ${label}, later page (slowest by CPU: ${worstAt(p)})`, p.laterMaxCpu, 20)
      addWorst(`tag filter: ${label}, later page`, p)
    }
    const none = await pages(lib, 'added', true, { tagsNone: ['region'], archived: false })
    add('filter "without tag region", archived hidden, first page', none.first, 50)
    add('filter "without tag region", later page', none.later, 20)
    add(`filter "without tag region", later page (slowest by CPU: ${worstAt(none)})`, none.laterMaxCpu, 20)
    addWorst('filter "without tag region", later page', none)
    // Each write makes the next tree a full recount; an unchanged library answers from the cache.
    const recount = Array.from({ length: 3 }, (_, i) => {
      lib.write(() => lib.setSetting('_bench_touch', String(i)))
      let cpu = 0
      const wall = time(() => (cpu = cpuTime(() => tagTree(lib))))
      return { wall, cpu }
    })
    add('tag pane: tree with article and annotation counts, recounted after a change', median(recount.map((r) => r.wall)), null)
    add('… the same, CPU time', median(recount.map((r) => r.cpu)), null)
    add('tag pane: unchanged library (cached)', time(() => tagTree(lib)), null)

    const queries = benchQueries()
    for (const { q } of queries) {
      search(lib, q, SEARCH_LIMIT)
      bareSearch(lib, q)
    }
    const shipped: number[] = []
    const exact: number[] = []
    const bare: number[] = []
    const cpu = { shipped: [] as number[], exact: [] as number[], bare: [] as number[] }
    const slow: string[] = []
    let windowed = 0
    const overlap: number[] = []
    /** Median wall and CPU time of three runs. */
    const thrice = (fn: () => unknown) => {
      const runs = [0, 1, 2].map(() => {
        let c = 0
        const w = time(() => (c = cpuTime(fn)))
        return { w, c }
      })
      return { wall: median(runs.map((r) => r.w)), cpu: median(runs.map((r) => r.c)) }
    }
    for (const { q } of queries) {
      const o = thrice(() => search(lib, q, SEARCH_LIMIT))
      const e = thrice(() => search(lib, q, SEARCH_LIMIT, { rankWindow: Infinity }))
      const b = thrice(() => bareSearch(lib, q))
      const asShipped = search(lib, q, SEARCH_LIMIT)
      if (asShipped.windowed) {
        windowed++
        // How much of the exact top list a windowed ranking finds: the price of the window.
        const key = (h: { articleId: string; annotationId: string | null }) => `${h.articleId}/${h.annotationId}`
        const best = new Set(search(lib, q, SEARCH_LIMIT, { rankWindow: Infinity }).hits.map(key))
        overlap.push(asShipped.hits.filter((h) => best.has(key(h))).length / Math.max(1, best.size))
      }
      shipped.push(o.wall)
      exact.push(e.wall)
      bare.push(b.wall)
      cpu.shipped.push(o.cpu)
      cpu.exact.push(e.cpu)
      cpu.bare.push(b.cpu)
      if (o.wall > 60) slow.push(`\`${q}\` ${ms(o.wall)} ms (CPU ${ms(o.cpu)} ms; exact ${ms(e.wall)} ms, bare ${ms(b.wall)} ms)`)
    }
    const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0)
    add(`search p50 (${queries.length} queries, ${SEARCH_LIMIT} hits with snippets)`, median(shipped), 20)
    add('search p95', percentile(shipped, 95), 60)
    add('search p50, CPU time', median(cpu.shipped), 20)
    add('search p95, CPU time', percentile(cpu.shipped, 95), 60)
    rows.push({ what: `… of which ranked among the ${RANK_WINDOW.toLocaleString('en')} most recent matches (too common to rank all)`, value: `${windowed} queries`, target: '', ok: '' })
    rows.push({
      what: `… their top ${SEARCH_LIMIT} shared with exact bm25's top ${SEARCH_LIMIT} (median, worst)`,
      value: overlap.length ? `${Math.round(median(overlap) * 100)} %, ${Math.round(Math.min(...overlap) * 100)} %` : '—',
      target: '',
      ok: ''
    })
    add('search with exact bm25 over all matches, p50 (CPU time)', median(exact), null)
    add('search with exact bm25 over all matches, p95 (CPU time)', percentile(exact, 95), null)
    rows[rows.length - 2].value = `${ms(median(exact))} ms (${ms(median(cpu.exact))} ms)`
    rows[rows.length - 1].value = `${ms(percentile(exact, 95))} ms (${ms(percentile(cpu.exact, 95))} ms)`
    add('bare FTS5 MATCH + bm25 ORDER BY, p50 (CPU time)', median(bare), null)
    add('bare FTS5 MATCH + bm25 ORDER BY, p95 (CPU time)', percentile(bare, 95), null)
    rows[rows.length - 2].value = `${ms(median(bare))} ms (${ms(median(cpu.bare))} ms)`
    rows[rows.length - 1].value = `${ms(percentile(bare, 95))} ms (${ms(percentile(cpu.bare, 95))} ms)`
    add('exact search / bare, p50', median(exact) / median(bare), 1.5, '×')
    add('exact search / bare, p50 of CPU time', median(cpu.exact) / median(cpu.bare), 1.5, '×')
    add('exact search / bare, total time of all queries', sum(exact) / sum(bare), 1.5, '×')
    add('search as shipped / bare, total time of all queries', sum(shipped) / sum(bare), 1.5, '×')
    const qs = await pages(lib, 'added', true, { query: 'security treaty', archived: false })
    add('library filtered by query "security treaty", first page', qs.first, 100)
    add(`library filtered by query "security treaty", count (${qs.total.toLocaleString('en')})`, qs.count, null)
    add('library filtered by query "security treaty", later page', qs.later, 20)
    add(`library filtered by query "security treaty", later page (slowest by CPU: ${worstAt(qs)})`, qs.laterMaxCpu, 20)
    addWorst('library filtered by query "security treaty", later page', qs)

    // A tag no earlier run left behind, so every link is new; removed again afterwards.
    const fresh = `bench/bulk-${Date.now()}`
    const ids = lib.db.prepare('SELECT id FROM articles WHERE deleted_at IS NULL ORDER BY rowid LIMIT 10000').pluck().all() as string[]
    const byIds = Selection.parse({ ids })
    add('bulk-tag 10,000 selected articles (by id)', time(() => bulkTag(lib, byIds, [fresh], [])), 1_000)
    add('bulk-untag the same 10,000', time(() => bulkTag(lib, byIds, [], [fresh])), 1_000)
    const f = { tagsAll: ['topic/security'] }
    const n = countMatching(lib, LibraryFilter.parse(f))
    add(`bulk-tag all ${n} matching a filter`, time(() => bulkTag(lib, Selection.parse({ filter: f }), [fresh], [])), 1_000)
    lib.write(() => lib.db.prepare('DELETE FROM tags WHERE path = ?').run(fresh))
    // Whole-subtree edits move every link in the tag tree (tags/nodes.ts): the cost of keeping counts exact.
    const region = countMatching(lib, LibraryFilter.parse({ tagsAll: ['region'] }))
    add(`rename the parent tag "region" (${region.toLocaleString('en')} articles, 60 tags)`, time(() => renameTag(lib, 'region', 'bench-region')), null)
    renameTag(lib, 'bench-region', 'region')
    let undo = ''
    add('delete the tag "region" with its children', time(() => (undo = deleteTag(lib, 'region').undoToken)), null)
    add('… and undo the delete', time(() => restoreTags(lib, undo)), null)
    const rss = rssOfFreshProcess(path)
    add('fresh process: open the library file', rss.openMs, null)
    add('fresh process: first page (UI default filter), cold caches', rss.pageMs, 100)
    add('main-process RSS, library open (first page, tag pane, 10 searches, 50 pages)', rss.rssMb, 300, 'MB')
    // Last: it drops the file from the OS cache, so whatever runs next starts cold.
    if (opts.cold)
      for (const c of coldWalks(path)) {
        add(`later page ${c.label}, library file out of the OS cache (fresh process, median of ${c.pages}; ${c.diskReads} reads from the disk per page)`, c.median, 20)
        add(`… the slowest of those ${c.pages}`, c.max, 20)
      }

    const table = rows.map((r) => `| ${r.what} | ${r.value} | ${r.target} | ${r.ok} |`).join('\n')
    return [
      `### Library, tags and search — ${counts.a.toLocaleString('en')} articles, ${counts.n.toLocaleString('en')} annotations`,
      '',
      `Generated with SQL in ${generatedIn} (articles of 2–20 KB, Zipf vocabulary of ~40k words per language, 20 % Russian; ~260 hierarchical tags). Warm cache; medians of ${REPEAT} runs for first pages; later pages walked ${WALKS} times (median and slowest of the first walk, which reaches rows not read before; worst page's median over the walks); medians of 3 runs per query for search.`,
      '',
      '| measure | value | target | |',
      '|---|---|---|---|',
      table,
      slow.length ? `\nQueries over 60 ms as shipped: ${slow.join('; ')}` : ''
    ].join('\n')
  } finally {
    lib.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  }
}
