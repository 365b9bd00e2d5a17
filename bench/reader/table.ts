/** Figures from one opening of the bench article (milliseconds unless noted). */
export interface Figures {
  firstPaint: number
  /** When the article's first part had arrived (articles.open and the first bytes of HTML and text: the API's share of first paint). */
  articleReceived: number
  /** When all of the article's HTML and text had arrived (the rest comes after first paint). */
  articleWhole: number
  /** From the article's arrival to its first paint (the reader's share). */
  paintAfterReceived: number
  highlightsAfterFirstPaint: number
  /** From the later of first paint and annotations.spans's answer to the highlights painted. */
  highlightsAfterReceived: number
  complete: number
  loadLongestTask: number
  /** Ranges registered with CSS.highlights after opening (the painted window). */
  registered: number
  tocJump: number[]
  highlightJump: number[]
  newHighlight: number[]
  /** Script time of the layer repaint each new highlight caused (load-independent, mostly). */
  newHighlightPaint: number[]
  scrollLongTasks: number
  scrollLongestTask: number
  /** First paint, and highlights after it, when the book is reopened at a saved position half-way through. */
  midFirstPaint: number
  midHighlights: number
  /** Reopened half-way: the part holding the position received, the whole book in the page, the longest task. */
  midReceived: number
  midComplete: number
  midLongestTask: number
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
  /** 1-minute load average before and after the run (the machine is shared). */
  load: [number, number]
}

/** The Markdown section: one row per figure, the baseline and the 10k-highlight article side by side. */
export function formatTable(shape: BenchShape, bare: Figures[], marked: Figures[]): string {
  const row = (name: string, target: string, f: (runs: Figures[]) => string) => `| ${name} | ${target} | ${f(bare)} | ${f(marked)} |`
  const longest = (runs: Figures[], get: (x: Figures) => number) => (Math.max(...runs.map(get)) === 0 ? 'none ≥ 50 ms' : ms(Math.max(...runs.map(get))))
  return [
    '### Reader (Chromium, browser mode)',
    '',
    `Book: ${(shape.textChars / 1e6).toFixed(2)} M characters of text, ${shape.paragraphs.toLocaleString('en')} paragraphs; ` +
      `${shape.highlights.toLocaleString('en')} highlights on the second copy. Medians of ${shape.runs} openings, each in a fresh page. ` +
      `Load average ${shape.load[0].toFixed(1)} before the run, ${shape.load[1].toFixed(1)} after.`,
    '',
    '| Figure | Target | No highlights (baseline) | 10,000 highlights |',
    '|---|---|---|---|',
    row('Open → first paint', '≤ 300 ms', (r) => ms(medianOf(r, (x) => x.firstPaint))),
    row('… of which waiting for the first part (`articles.open`, 64 KB of HTML and of text)', '—', (r) => ms(medianOf(r, (x) => x.articleReceived))),
    row('… of which the reader (article received → painted)', '—', (r) => ms(medianOf(r, (x) => x.paintAfterReceived))),
    row('Highlights painted, after first paint', '≤ 200 ms', (r) => ms(medianOf(r, (x) => x.highlightsAfterFirstPaint))),
    row('… after `annotations.spans` answered', '—', (r) => ms(medianOf(r, (x) => x.highlightsAfterReceived))),
    row('Reopened half-way (saved position 0.5) → first paint', '≤ 300 ms', (r) => ms(medianOf(r, (x) => x.midFirstPaint))),
    row('… highlights painted, after that first paint (0: they were in before it)', '≤ 200 ms', (r) => ms(medianOf(r, (x) => x.midHighlights))),
    row('… of which waiting for the part holding the position (`articles.open`, then its blocks)', '—', (r) => ms(medianOf(r, (x) => x.midReceived))),
    row('… whole book in the page (the text before the position prepended)', '—', (r) => ms(medianOf(r, (x) => x.midComplete))),
    row('… longest task while reopening', '—', (r) => longest(r, (x) => x.midLongestTask)),
    row('Whole article received (the rest of its 7 MB of HTML and text)', '—', (r) => ms(medianOf(r, (x) => x.articleWhole))),
    row('Whole book in the page (progressive)', '—', (r) => ms(medianOf(r, (x) => x.complete))),
    row('Longest task while opening', '—', (r) => longest(r, (x) => x.loadLongestTask)),
    row('Ranges registered with CSS.highlights', '—', (r) => String(medianOf(r, (x) => x.registered))),
    row('Jump to a TOC entry (median, max)', '≤ 100 ms', (r) => spread(r, (x) => x.tocJump)),
    row('Jump to a highlight from the panel', '≤ 100 ms', (r) => spread(r, (x) => x.highlightJump)),
    row('New highlight visible after `h`', '≤ 50 ms', (r) => spread(r, (x) => x.newHighlight)),
    row('… of which repainting the highlight layers (script)', '—', (r) => spread(r, (x) => x.newHighlightPaint)),
    row('Long tasks while scrolling (count)', '0', (r) => String(Math.max(...r.map((x) => x.scrollLongTasks)))),
    row('Longest task while scrolling', '≤ 50 ms', (r) => longest(r, (x) => x.scrollLongestTask))
  ].join('\n')
}
