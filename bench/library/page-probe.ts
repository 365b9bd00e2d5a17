/**
 * `npx tsx bench/library/page-probe.ts LIBRARY [--walks N] [--only I] [--cold] [--cache-kib N] [--mmap BYTES] [--explain] [--pages]`:
 * where a later page's time goes. Walks 100 later pages of each case N times in
 * one process and prints, per walk, wall and CPU time and what the pages read:
 * SQLite's read calls (pages its own cache did not hold) and the bytes the OS
 * fetched from the disk (pages its page cache did not hold either). --cold first
 * drops the library file, and only it, from the OS page cache (GNU dd
 * iflag=nocache: POSIX_FADV_DONTNEED), as after a reboot; --explain prints each
 * page query's plan; --pages prints every page as wall/CPU/reads/disk KiB/GC ms.
 * Pages are asked one per turn of the event loop, as the app's requests come, so
 * the garbage collector's pauses (reported after a turn) can be laid over them.
 */
import { execFileSync } from 'node:child_process'
import { PerformanceObserver } from 'node:perf_hooks'
import { LibraryFilter, type LibraryFilterInput } from '../../src/shared/api/library'
import { listArticles } from '../../src/main/core/articles/list'
import { Library } from '../../src/main/core/library'
import { cpuTime, ioCounters, median, ms } from './timing'

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

const CASES: { label: string; sort: 'added' | 'title' | 'published' | 'lastRead'; desc: boolean; filter: LibraryFilterInput }[] = [
  { label: 'title, archived hidden', sort: 'title', desc: false, filter: { archived: false } },
  { label: 'tag topic/security', sort: 'added', desc: true, filter: { tagsAll: ['topic/security'] } },
  { label: 'tag topic/security, archived hidden', sort: 'added', desc: true, filter: { tagsAll: ['topic/security'], archived: false } },
  { label: 'published, archived hidden', sort: 'published', desc: true, filter: { archived: false } },
  { label: 'added, all', sort: 'added', desc: true, filter: {} }
]
const PAGES = 100

const path = process.argv[2]
if (!path || path.startsWith('--')) {
  console.error('page-probe: give the library file first, e.g. npx tsx bench/library/page-probe.ts /tmp/scholia-bench-100k.db --cold')
  process.exit(2)
}
if (process.argv.includes('--cold')) execFileSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' })
const lib = Library.open(path)
if (arg('cache-kib')) lib.db.pragma(`cache_size = -${Number(arg('cache-kib'))}`)
if (arg('mmap')) lib.db.pragma(`mmap_size = ${Number(arg('mmap'))}`)
if (process.argv.includes('--explain')) {
  const prepare = lib.db.prepare.bind(lib.db)
  const seen = new Set<string>()
  lib.db.prepare = ((sql: string) => {
    if (!seen.has(sql) && /FROM articles a/.test(sql)) {
      seen.add(sql)
      const plan = prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...Array((sql.match(/\?/g) ?? []).length).fill(null)) as { detail: string }[]
      console.log(`\n${sql.replace(/\s+/g, ' ')}\n  ${plan.map((p) => p.detail).join('\n  ')}`)
    }
    return prepare(sql)
  }) as typeof lib.db.prepare
}
const overhead = (() => {
  const a = ioCounters()
  const b = ioCounters()
  return a && b ? b.syscr - a.syscr : 0
})()
/** Garbage-collection pauses, as [start, end] on performance.now()'s clock. */
const gcs: [number, number][] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration])
}).observe({ entryTypes: ['gc'] })
const gcWithin = (from: number, to: number) => gcs.reduce((s, [a, b]) => s + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0)
const turn = () => new Promise((resolve) => setImmediate(resolve))

async function main(): Promise<void> {
  const walks = Number(arg('walks') ?? 1)
  for (let w = 0; w < walks; w++)
  for (const c of arg('only') ? [CASES[Number(arg('only'))]] : CASES) {
    const filter = LibraryFilter.parse(c.filter)
    let cursor = listArticles(lib, { sort: c.sort, desc: c.desc, cursor: null, limit: 100, filter, count: false }).nextCursor
    const rows: { wall: number; cpu: number; reads: number; diskKib: number; at: number; gc: number }[] = []
    for (let i = 0; i < PAGES && cursor; i++) {
      await turn()
      const before = ioCounters()
      let next: string | null = null
      const t = performance.now()
      const cpu = cpuTime(() => (next = listArticles(lib, { sort: c.sort, desc: c.desc, cursor, limit: 100, filter }).nextCursor))
      const wall = performance.now() - t
      const after = ioCounters()
      rows.push({
        wall,
        cpu,
        at: t,
        gc: 0,
        reads: before && after ? after.syscr - before.syscr - overhead : NaN,
        diskKib: before && after ? (after.diskBytes - before.diskBytes) / 1024 : NaN
      })
      cursor = next
    }
    await turn()
    await turn()
    for (const r of rows) r.gc = gcWithin(r.at, r.at + r.wall)
    const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0)
    const worst = rows.reduce((a, b) => (b.wall > a.wall ? b : a))
    console.log(
      `walk ${w + 1} ${c.label}: wall median ${ms(median(rows.map((r) => r.wall)))} max ${ms(worst.wall)} (page ${rows.indexOf(worst) + 2}: cpu ${ms(worst.cpu)}, ` +
        `reads ${worst.reads}, disk ${worst.diskKib} KiB, GC ${ms(worst.gc)} ms); cpu median ${ms(median(rows.map((r) => r.cpu)))} max ${ms(Math.max(...rows.map((r) => r.cpu)))}; ` +
        `reads per page median ${median(rows.map((r) => r.reads))} max ${Math.max(...rows.map((r) => r.reads))}, disk ${(sum((r) => r.diskKib) / 1024).toFixed(1)} MiB in all; ` +
        `pages over 20 ms: ${rows.filter((r) => r.wall > 20).length} of ${rows.length}; pages with a GC pause ${rows.filter((r) => r.gc > 0).length}, longest ${ms(Math.max(...rows.map((r) => r.gc)))} ms`
    )
    if (process.argv.includes('--pages')) console.log(rows.map((r, i) => `${i + 2}:${ms(r.wall)}/${ms(r.cpu)}/${r.reads}/${r.diskKib}/${ms(r.gc)}`).join(' '))
  }
}

main()
  .catch((e) => {
    console.error(`page-probe: ${(e as Error).stack ?? e}`)
    process.exitCode = 1
  })
  .finally(() => lib.close())
