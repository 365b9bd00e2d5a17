/**
 * Page figures of the library benchmark: the first page, the count, and walks
 * of the later pages, with what each later page read (how many pages SQLite
 * asked the OS for, how many bytes the OS fetched from the disk), so a slow page
 * can be told apart as waiting on reads, on the garbage collector, or on the
 * scheduler of a shared machine. Later pages are asked one per turn of the event
 * loop, as the app's requests come (and as the GC's reports need).
 */
import { PerformanceObserver } from 'node:perf_hooks'
import { LibraryFilter, type LibraryFilterInput } from '../../src/shared/api/library'
import { countMatching, listArticles } from '../../src/main/core/articles/list'
import type { Library } from '../../src/main/core/library'
import { cpuTime, ioCounters, median, ms, time, type IoCounters } from './timing'

/** What the UI asks for per page. */
export const PAGE = 100
/** Runs of the first page and the count; their median is reported. */
export const REPEAT = 7
/** Later pages per walk. */
export const LATER_PAGES = 100
/**
 * Walks of the same later pages. The first reaches rows no earlier query read
 * (SQLite's cache does not hold them: the cost of scrolling somewhere new); the
 * others find them cached. A page's median over the walks is free of a one-off
 * pause of the machine; its first-walk time is not, and is reported too.
 */
export const WALKS = 3

type Sort = 'added' | 'title' | 'published' | 'lastRead'

interface LaterPage {
  wall: number
  cpu: number
  /** Read calls SQLite made (pages its cache did not hold); NaN without /proc/self/io. */
  reads: number
  diskKib: number
  /** performance.now() when the page was asked, to lay GC pauses over it. */
  at: number
}

export interface PageFigures {
  first: number
  count: number
  total: number
  /** Median wall time of the first walk's later pages. */
  later: number
  /** The first walk's slowest page by wall time and by CPU time. */
  laterMax: number
  /** Of the slowest page by wall time: which it is, its GC pauses (ms) and read calls. */
  laterMaxWallAt: number
  laterMaxGc: number
  laterMaxReads: number
  laterMaxCpu: number
  /** Which later page was slowest by CPU time on the first walk (1 = the second page). */
  laterMaxAt: number
  /** The slowest page's median wall time over WALKS walks, and which page it is. */
  worstMedian: number
  worstMedianAt: number
  /** First walk: SQLite's read calls per page (median, max) and KiB fetched from the disk (all pages). */
  reads: { median: number; max: number; diskKib: number } | null
}

/** Read calls the counters' own read of /proc/self/io adds to a delta. */
const IO_OVERHEAD = (() => {
  const a = ioCounters()
  const b = ioCounters()
  return a && b ? b.syscr - a.syscr : 0
})()

/** Garbage-collection pauses as [start, end] on performance.now()'s clock; reported after a turn of the event loop. */
const gcs: [number, number][] = []
let watching = false
function watchGc(): void {
  if (watching) return
  watching = true
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcs.push([e.startTime, e.startTime + e.duration])
  }).observe({ entryTypes: ['gc'] })
}
const gcWithin = (from: number, to: number) => gcs.reduce((s, [a, b]) => s + Math.max(0, Math.min(b, to) - Math.max(a, from)), 0)
const turn = () => new Promise((resolve) => setImmediate(resolve))

function later(lib: Library, sort: Sort, desc: boolean, cursor: string, filter: ReturnType<typeof LibraryFilter.parse>): { page: LaterPage; next: string | null } {
  let next: string | null = null
  let cpu = 0
  const before: IoCounters | null = ioCounters()
  const at = performance.now()
  const wall = time(() => (cpu = cpuTime(() => (next = listArticles(lib, { sort, desc, cursor, limit: PAGE, filter }).nextCursor))))
  const after = ioCounters()
  const reads = before && after ? after.syscr - before.syscr - IO_OVERHEAD : NaN
  const diskKib = before && after ? (after.diskBytes - before.diskBytes) / 1024 : NaN
  return { page: { wall, cpu, reads, diskKib, at }, next }
}

/**
 * Median first-page time (the page alone: the UI asks for the count after
 * showing it), median count time, and WALKS walks of LATER_PAGES later pages.
 */
export async function pages(lib: Library, sort: Sort, desc: boolean, f: LibraryFilterInput): Promise<PageFigures> {
  watchGc()
  const filter = LibraryFilter.parse(f)
  let total = 0
  const firsts: number[] = []
  const counts: number[] = []
  for (let i = 0; i < REPEAT; i++) {
    firsts.push(time(() => listArticles(lib, { sort, desc, cursor: null, limit: PAGE, filter, count: false })))
    counts.push(time(() => (total = countMatching(lib, filter))))
  }
  const start = listArticles(lib, { sort, desc, cursor: null, limit: PAGE, filter, count: false }).nextCursor
  const walks: LaterPage[][] = []
  for (let w = 0; w < WALKS; w++) {
    const walk: LaterPage[] = []
    let cursor = start
    for (let i = 0; i < LATER_PAGES && cursor; i++) {
      await turn()
      const { page, next } = later(lib, sort, desc, cursor, filter)
      walk.push(page)
      cursor = next
    }
    walks.push(walk)
  }
  await turn()
  await turn()
  const first = walks[0]
  const slowest = first.reduce((a, b) => (b.wall > a.wall ? b : a), first[0])
  const medians = first.map((_, i) => median(walks.map((w) => w[i].wall)))
  const worstMedian = medians.length ? Math.max(...medians) : 0
  const laterMaxCpu = first.length ? Math.max(...first.map((p) => p.cpu)) : 0
  const reads = first.map((p) => p.reads)
  return {
    first: median(firsts),
    count: median(counts),
    total,
    later: first.length ? median(first.map((p) => p.wall)) : 0,
    laterMax: slowest?.wall ?? 0,
    laterMaxWallAt: slowest ? first.indexOf(slowest) + 1 : 0,
    laterMaxGc: slowest ? gcWithin(slowest.at, slowest.at + slowest.wall) : 0,
    laterMaxReads: slowest?.reads ?? NaN,
    laterMaxCpu,
    laterMaxAt: first.findIndex((p) => p.cpu === laterMaxCpu) + 1,
    worstMedian,
    worstMedianAt: medians.indexOf(worstMedian) + 1,
    reads:
      first.length && reads.every(Number.isFinite)
        ? { median: median(reads), max: Math.max(...reads), diskKib: first.reduce((s, p) => s + p.diskKib, 0) }
        : null
  }
}

/** Which page of the first walk was slowest by CPU, and which by wall time: how long, how much of it GC, how many reads. */
export function worstAt(p: PageFigures): string {
  const reads = Number.isFinite(p.laterMaxReads) ? `, ${p.laterMaxReads} reads` : ''
  return `page ${p.laterMaxAt + 1}; slowest wall time ${ms(p.laterMax)} ms, page ${p.laterMaxWallAt + 1}: GC ${ms(p.laterMaxGc)} ms${reads}`
}

/** The row label of the worst page's median over the walks, with what the first walk read. */
export function worstMedianLabel(what: string, p: PageFigures): string {
  const io = p.reads
    ? `; first walk read ${p.reads.median} pages per page from the OS (median; max ${p.reads.max}), ${Math.round(p.reads.diskKib).toLocaleString('en')} KiB in all from the disk`
    : ''
  return `${what} (slowest page's median of ${WALKS} walks: page ${p.worstMedianAt + 1}${io})`
}
