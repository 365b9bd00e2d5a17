/** Figures from one opening of the bench article (milliseconds unless noted). */
export interface Figures {
  firstPaint: number
  /** When articles.get answered (the API's share of first paint). */
  articleReceived: number
  /** From the article's arrival to its first paint (the reader's share). */
  paintAfterReceived: number
  highlightsAfterFirstPaint: number
  /** From the later of first paint and annotations.list's answer to the highlights painted. */
  highlightsAfterReceived: number
  complete: number
  loadLongestTask: number
  /** Ranges registered with CSS.highlights after opening (the painted window). */
  registered: number
  tocJump: number[]
  highlightJump: number[]
  newHighlight: number[]
  scrollLongTasks: number
  scrollLongestTask: number
}

const median = (xs: number[]): number => {
  if (xs.length === 0) return NaN
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}
const ms = (x: number): string => (Number.isNaN(x) ? '—' : `${Math.round(x)} ms`)
const medianOf = (runs: Figures[], f: (x: Figures) => number): number => median(runs.map(f))
const spread = (runs: Figures[], f: (x: Figures) => number[]): string => {
  const all = runs.flatMap(f)
  return all.length ? `${ms(median(all))} (max ${ms(Math.max(...all))})` : '—'
}

export interface BenchShape {
  textChars: number
  paragraphs: number
  highlights: number
  runs: number
}

/** The Markdown section: one row per figure, the baseline and the 10k-highlight article side by side. */
export function formatTable(shape: BenchShape, bare: Figures[], marked: Figures[]): string {
  const row = (name: string, target: string, f: (runs: Figures[]) => string) => `| ${name} | ${target} | ${f(bare)} | ${f(marked)} |`
  const longest = (runs: Figures[], get: (x: Figures) => number) => (Math.max(...runs.map(get)) === 0 ? 'none ≥ 50 ms' : ms(Math.max(...runs.map(get))))
  return [
    '### Reader (Chromium, browser mode)',
    '',
    `Book: ${(shape.textChars / 1e6).toFixed(2)} M characters of text, ${shape.paragraphs.toLocaleString('en')} paragraphs; ` +
      `${shape.highlights.toLocaleString('en')} highlights on the second copy. Medians of ${shape.runs} openings, each in a fresh page.`,
    '',
    '| Figure | Target | No highlights (baseline) | 10,000 highlights |',
    '|---|---|---|---|',
    row('Open → first paint', '≤ 300 ms', (r) => ms(medianOf(r, (x) => x.firstPaint))),
    row('… of which waiting for `articles.get` (6.8 MB)', '—', (r) => ms(medianOf(r, (x) => x.articleReceived))),
    row('… of which the reader (article received → painted)', '—', (r) => ms(medianOf(r, (x) => x.paintAfterReceived))),
    row('Highlights painted, after first paint', '≤ 200 ms', (r) => ms(medianOf(r, (x) => x.highlightsAfterFirstPaint))),
    row('… after `annotations.list` answered', '—', (r) => ms(medianOf(r, (x) => x.highlightsAfterReceived))),
    row('Whole book in the page (progressive)', '—', (r) => ms(medianOf(r, (x) => x.complete))),
    row('Longest task while opening', '—', (r) => longest(r, (x) => x.loadLongestTask)),
    row('Ranges registered with CSS.highlights', '—', (r) => String(medianOf(r, (x) => x.registered))),
    row('Jump to a TOC entry (median, max)', '≤ 100 ms', (r) => spread(r, (x) => x.tocJump)),
    row('Jump to a highlight from the panel', '≤ 100 ms', (r) => spread(r, (x) => x.highlightJump)),
    row('New highlight visible after `h`', '≤ 50 ms', (r) => spread(r, (x) => x.newHighlight)),
    row('Long tasks while scrolling (count)', '0', (r) => String(Math.max(...r.map((x) => x.scrollLongTasks)))),
    row('Longest task while scrolling', '≤ 50 ms', (r) => longest(r, (x) => x.scrollLongestTask))
  ].join('\n')
}
