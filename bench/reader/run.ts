/**
 * Reader benchmark: a War-and-Peace-size article opened in Chromium through
 * `scholia serve`, with 10,000 highlights and without (the baseline), measuring
 * what a reader feels: first paint, highlights painted, jumps, a new highlight,
 * and long tasks while scrolling. `npx tsx bench/reader/run.ts` prints the table.
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { existsSync } from 'node:fs'
import { loadavg } from 'node:os'
import { pathToFileURL } from 'node:url'
import { BENCH_HIGHLIGHTS, BOOK_PARAGRAPHS } from './generate'
import { BASELINE, buildBenchLibrary, WITH_HIGHLIGHTS } from './library'
import * as probe from './probes'
import { callServed, serve, stop, type BenchServer } from './serve'
import { formatTable, type Figures } from './table'

/** Each variant is opened this many times in a fresh page; the table shows medians. */
const RUNS = 3
const JUMP_FRACTIONS = [0.5, 0.2, 0.8, 0.95, 0.35]
const NEW_HIGHLIGHTS = 5
/** Saved reading position (fraction of the text) of the second opening: a book reopened mid-way. */
const REOPEN_AT = 0.5
/** Wheel steps per scroll pass (about 60 screens at 400 px a notch). */
const WHEEL_STEPS = 150
const WHEEL_PX = 400
const CHROMIUM = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

async function countMeasures(page: Page, name: string): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n, 'measure').length, name)
}

/** Runs `act` and waits for it to leave a new `name` measure; returns that measure's duration. */
async function timed(page: Page, name: string, act: () => Promise<unknown>): Promise<number> {
  const before = await countMeasures(page, name)
  const seen = page.evaluate(probe.waitForEntry, [name, 'measure', before] as [string, 'measure', number])
  await act()
  await seen
  return (await page.evaluate(probe.lastMeasure, name))!
}

async function openArticle(browser: Browser, server: BenchServer, title: string, at = 0): Promise<{ page: Page; figures: Partial<Figures> }> {
  // Every opening starts where asked: the previous run's scrolling moved the saved position.
  const list = await callServed<{ items: Array<{ id: string; title: string }> }>(server, 'articles.list', {})
  for (const a of list.items) await callServed(server, 'articles.setProgress', { id: a.id, progress: at })
  const url = server.url
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  await context.addInitScript(probe.installLongTaskObserver)
  const page = await context.newPage()
  await page.goto(url)
  const row = page.getByTestId('article-row').filter({ hasText: title })
  await row.waitFor()
  const complete = page.evaluate(probe.waitForEntry, ['reader:complete', 'mark', 0] as [string, 'mark', number])
  await row.click()
  await complete
  const m = (n: string) => page.evaluate(probe.lastMeasure, n)
  const mark = async (n: string) => (await page.evaluate(probe.lastMark, n))!
  const firstPaint = (await m('reader:open→first-paint'))!
  const highlights = (await m('reader:open→highlights-painted'))!
  const wholeBook = (await m('reader:open→complete'))!
  const opened = await mark('reader:open')
  const articleAt = (await mark('reader:article-received')) - opened
  const wholeAt = ((await page.evaluate(probe.lastMark, 'reader:article-whole')) ?? opened + articleAt) - opened
  const notesAt = (await mark('reader:annotations-received')) - opened
  const loadTasks = await page.evaluate(probe.longTasksSince, 0)
  return {
    page,
    figures: {
      firstPaint,
      articleReceived: articleAt,
      articleWhole: wholeAt,
      paintAfterReceived: firstPaint - articleAt,
      highlightsAfterFirstPaint: Math.max(0, highlights - firstPaint),
      highlightsAfterReceived: highlights - Math.max(firstPaint, notesAt),
      complete: wholeBook,
      loadLongestTask: Math.max(0, ...loadTasks.map((t) => t.duration)),
      registered: await page.evaluate(probe.registeredRanges)
    }
  }
}

async function measureJumps(page: Page, withHighlights: boolean): Promise<Pick<Figures, 'tocJump' | 'highlightJump'>> {
  if ((await page.getByTestId('toc').count()) === 0) await page.getByTestId('toggle-toc').click()
  const toc = page.getByTestId('toc').locator('button')
  const n = await toc.count()
  const tocJump: number[] = []
  for (const f of JUMP_FRACTIONS) tocJump.push(await timed(page, 'reader:jump', () => toc.nth(Math.floor(f * (n - 1))).click()))
  const highlightJump: number[] = []
  if (withHighlights) {
    for (const f of JUMP_FRACTIONS) {
      await page.locator('.annotation-list').evaluate((el, frac) => (el.scrollTop = frac * el.scrollHeight), f)
      await page.waitForTimeout(100)
      const item = page.getByTestId('annotation-item').nth(2)
      highlightJump.push(await timed(page, 'reader:jump', () => item.click()))
      await page.keyboard.press('Escape')
    }
  }
  return { tocJump, highlightJump }
}

async function measureNewHighlights(page: Page): Promise<Pick<Figures, 'newHighlight' | 'newHighlightPaint'>> {
  const out: number[] = []
  const since = await countMeasures(page, 'reader:set-annotations')
  for (let i = 0; i < NEW_HIGHLIGHTS; i++) {
    await page.locator('.reader-scroll').evaluate((el, k) => (el.scrollTop = ((k + 1) / 7) * el.scrollHeight), i)
    await page.waitForTimeout(150)
    if (!(await page.evaluate(probe.selectVisibleWords, i))) continue
    await page.waitForTimeout(50)
    out.push(await timed(page, 'reader:highlight', () => page.keyboard.press('h')))
  }
  const paints = await page.evaluate(
    (n) => performance.getEntriesByName('reader:set-annotations', 'measure').slice(n).map((e) => e.duration),
    since
  )
  return { newHighlight: out, newHighlightPaint: paints }
}

/** Wheel-scrolls down and up through the book, with scrollbar-style jumps between, and returns the long tasks seen. */
async function measureScrolling(page: Page): Promise<Pick<Figures, 'scrollLongTasks' | 'scrollLongestTask'>> {
  await page.locator('.reader-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight * 0.3))
  await page.waitForTimeout(300)
  const box = (await page.locator('.reader-scroll').boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  const since = await page.evaluate(probe.now)
  for (const dir of [1, -1]) {
    for (let i = 0; i < WHEEL_STEPS; i++) {
      await page.mouse.wheel(0, dir * WHEEL_PX)
      await page.waitForTimeout(16)
    }
    for (const f of [0.1, 0.6, 0.9, 0.4]) {
      await page.locator('.reader-scroll').evaluate((el, frac) => (el.scrollTop = frac * el.scrollHeight), f)
      await page.waitForTimeout(120)
    }
  }
  await page.waitForTimeout(300)
  const tasks = await page.evaluate(probe.longTasksSince, since)
  return { scrollLongTasks: tasks.length, scrollLongestTask: Math.max(0, ...tasks.map((t) => t.duration)) }
}

async function measure(browser: Browser, server: BenchServer, title: string, withHighlights: boolean): Promise<Figures> {
  const { page, figures } = await openArticle(browser, server, title)
  try {
    const jumps = await measureJumps(page, withHighlights)
    const added = await measureNewHighlights(page)
    const scrolling = await measureScrolling(page)
    return { ...(figures as Figures), ...jumps, ...added, ...scrolling, ...(await reopenMidBook(browser, server, title)) }
  } finally {
    await page.context().close()
  }
}

/** Opens the article again in a fresh page, its reading position saved half-way through. */
async function reopenMidBook(browser: Browser, server: BenchServer, title: string): Promise<Pick<Figures, MidFigure>> {
  const { page, figures: f } = await openArticle(browser, server, title, REOPEN_AT)
  await page.context().close()
  return {
    midFirstPaint: f.firstPaint!,
    midHighlights: f.highlightsAfterFirstPaint!,
    midReceived: f.articleReceived!,
    midComplete: f.complete!,
    midLongestTask: f.loadLongestTask!
  }
}
type MidFigure = 'midFirstPaint' | 'midHighlights' | 'midReceived' | 'midComplete' | 'midLongestTask'

/** Builds the library, runs both variants RUNS times, and returns the Markdown section. */
export async function runReaderBench(): Promise<string> {
  const load0 = loadavg()[0]
  const library = buildBenchLibrary()
  const server = await serve(library.dbPath)
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] })
  try {
    const bare: Figures[] = []
    const marked: Figures[] = []
    for (let r = 0; r < RUNS; r++) {
      bare.push(await measure(browser, server, BASELINE, false))
      marked.push(await measure(browser, server, WITH_HIGHLIGHTS, true))
    }
    const load: [number, number] = [load0, loadavg()[0]]
    return formatTable({ textChars: library.textChars, paragraphs: BOOK_PARAGRAPHS, highlights: BENCH_HIGHLIGHTS, runs: RUNS, load }, bare, marked)
  } finally {
    await browser.close()
    await stop(server)
    library.remove()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runReaderBench().then(
    (md) => process.stdout.write(`${md}\n`),
    (e: Error) => {
      console.error(`reader bench: ${e.stack ?? e}`)
      process.exit(1)
    }
  )
}
