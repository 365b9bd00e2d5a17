/**
 * Later pages with the library file out of the OS page cache, as after a reboot
 * or once other files pushed it out: drops the file (and only it) from the cache
 * (GNU dd iflag=nocache: POSIX_FADV_DONTNEED), opens it in this fresh process and
 * walks COLD_PAGES later pages by title and by a tag, one per event-loop turn.
 * Prints one JSON line per walk: median and slowest wall time, and reads per page
 * from the disk. Run by the library benchmark with --cold; Linux only.
 */
import { execFileSync } from 'node:child_process'
import { LibraryFilter, type LibraryFilterInput } from '../../src/shared/api/library'
import { listArticles } from '../../src/main/core/articles/list'
import { Library } from '../../src/main/core/library'
import { ioCounters, median, time } from './timing'

/** Later pages per walk: enough for a median, few enough to keep the disk's part of a run short. */
export const COLD_PAGES = 30

export interface ColdWalk {
  label: string
  pages: number
  median: number
  max: number
  /** 4 KiB reads from the disk per page (median), from /proc/self/io read_bytes. */
  diskReads: number
}

const WALKS: { label: string; sort: 'added' | 'title'; desc: boolean; filter: LibraryFilterInput }[] = [
  { label: 'sorted by title', sort: 'title', desc: false, filter: { archived: false } },
  { label: 'tag "topic/security"', sort: 'added', desc: true, filter: { tagsAll: ['topic/security'] } }
]

async function main(path: string): Promise<void> {
  execFileSync('dd', [`if=${path}`, 'iflag=nocache', 'count=0'], { stdio: 'ignore' })
  const lib = Library.open(path)
  try {
    for (const w of WALKS) {
      const filter = LibraryFilter.parse(w.filter)
      let cursor = listArticles(lib, { sort: w.sort, desc: w.desc, cursor: null, limit: 100, filter, count: false }).nextCursor
      const walls: number[] = []
      const reads: number[] = []
      for (let i = 0; i < COLD_PAGES && cursor; i++) {
        await new Promise((resolve) => setImmediate(resolve))
        const before = ioCounters()
        walls.push(time(() => (cursor = listArticles(lib, { sort: w.sort, desc: w.desc, cursor, limit: 100, filter }).nextCursor)))
        const after = ioCounters()
        reads.push(before && after ? (after.diskBytes - before.diskBytes) / 4096 : NaN)
      }
      const out: ColdWalk = { label: w.label, pages: walls.length, median: median(walls), max: Math.max(...walls), diskReads: median(reads) }
      console.log(JSON.stringify(out))
    }
  } finally {
    lib.close()
  }
}

if (process.argv[2]) void main(process.argv[2])
