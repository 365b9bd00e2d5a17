/** Re-anchoring cost in a 3 MB book, per case, against a plain indexOf of the quote as baseline. */
import { anchor } from '../../src/shared/anchoring/anchor'
import { describeRange } from '../../src/shared/anchoring/describe'
import { book, CASES, flat } from './book'

const RUNS = 5

function cpuMs(run: () => unknown): number {
  let best = Infinity
  for (let i = 0; i < RUNS; i++) {
    const before = process.cpuUsage()
    run()
    const used = process.cpuUsage(before)
    best = Math.min(best, (used.user + used.system) / 1000)
  }
  return best
}

export async function runAnchoringBench(): Promise<string> {
  const { text, articleAt } = book()
  const rows: string[] = []
  for (const c of CASES) {
    const start = text.indexOf(c.phrase, articleAt)
    const selectors = describeRange(text, start, start + c.phrase.length)
    const edited = flat(c.edit(text))
    const ms = cpuMs(() => anchor(edited, selectors))
    const base = cpuMs(() => edited.indexOf(c.phrase))
    const result = anchor(edited, selectors)
    rows.push(`| ${c.name} | ${result?.method ?? 'orphan'} | ${ms.toFixed(1)} | ${base.toFixed(2)} |`)
  }
  return [
    `### Re-anchoring in a ${(text.length / 1e6).toFixed(1)}M-character book (CPU ms, best of ${RUNS})`,
    '',
    '| case | result | anchor() ms | baseline indexOf ms |',
    '|---|---|---:|---:|',
    ...rows,
    '',
    'Targets: exact ≤ 5 ms, fuzzy or orphan ≤ 200 ms (CPU time, so other load on the machine does not count).'
  ].join('\n')
}
