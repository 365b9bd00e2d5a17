/**
 * Shared pieces of the fuzz tests (`*.fuzz.test.ts`): how many inputs to try,
 * what counts as a crash, what counts as unsafe output, and the regression
 * inputs every run replays.
 *
 * A crash is an exception other than ImportError or ScholiaError (the errors a
 * user is meant to see), an input that takes longer than HANG_MS, or stored HTML
 * that could run code in the reader.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import fc from 'fast-check'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseFragment } from 'parse5'
import { ScholiaError } from '../../../shared/errors'
import { ImportError } from '../import/types'

/** `SCHOLIA_FUZZ_RUNS` (the long run sets 100000) overrides every target's short count. */
const LONG_RUNS = process.env.SCHOLIA_FUZZ_RUNS ? Number(process.env.SCHOLIA_FUZZ_RUNS) : null

/**
 * `SCHOLIA_FUZZ_MINUTES` time-boxes each target of the long run (as libFuzzer's
 * -max_total_time does): it stops at the run count or the time box, whichever
 * comes first, and the inputs actually tried are recorded.
 */
const LONG_BUDGET_MS = process.env.SCHOLIA_FUZZ_MINUTES ? Number(process.env.SCHOLIA_FUZZ_MINUTES) * 60_000 : null

/** Test timeout of a fuzz target: a minute for the short run, ~100 ms per input (or the time box) for the long one. */
export const FUZZ_TIMEOUT_MS = LONG_RUNS
  ? (LONG_BUDGET_MS ?? Math.max(600_000, LONG_RUNS * 100)) + 120_000
  : 60_000

/** In `npm test` each target stops after this long even if it has runs left. */
const SHORT_BUDGET_MS = 4_000

/**
 * One input using more CPU than this is a hang (a super-linear path an attacker
 * could use). CPU time rather than wall time, so a busy machine — the long run
 * shares two cores with everything else — does not turn slow scheduling into a
 * false failure.
 */
export const HANG_MS = 5_000

/** Wall-clock backstop for inputs that stall without using CPU (a lost promise, a lock). */
const STALL_MS = 60_000

/** Milliseconds of CPU (user + system) this process has used. */
function cpuMs(): number {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Starts a measurement; the returned function throws when the input hung or stalled. */
export function hangWatch(what: string): () => void {
  const wall = Date.now()
  const cpu = cpuMs()
  return () => {
    const usedCpu = cpuMs() - cpu
    const usedWall = Date.now() - wall
    if (usedCpu > HANG_MS) throw new Error(`${what}: used ${Math.round(usedCpu)} ms of CPU (over ${HANG_MS} ms)`)
    if (usedWall > STALL_MS) throw new Error(`${what}: took ${usedWall} ms (over ${STALL_MS} ms)`)
  }
}

/** fast-check parameters for a target: its short run in `npm test`, or the long one. */
export function fuzzParams(shortRuns: number): { numRuns: number; interruptAfterTimeLimit?: number; markInterruptAsFailure: false } {
  return LONG_RUNS
    ? { numRuns: LONG_RUNS, ...(LONG_BUDGET_MS ? { interruptAfterTimeLimit: LONG_BUDGET_MS } : {}), markInterruptAsFailure: false }
    : { numRuns: shortRuns, interruptAfterTimeLimit: SHORT_BUDGET_MS, markInterruptAsFailure: false }
}

/** True for the errors a user is meant to see; anything else thrown is a bug. */
export function isExpectedError(e: unknown): boolean {
  return e instanceof ImportError || e instanceof ScholiaError
}

/**
 * Runs one input through `fn`: an expected error is a fine outcome, any other
 * exception or a run over HANG_MS fails with a message that names the input.
 */
export async function survives<T>(what: string, fn: () => T | Promise<T>): Promise<T | null> {
  const done = hangWatch(what)
  let result: T | null = null
  try {
    result = await fn()
  } catch (e) {
    if (!isExpectedError(e)) throw new Error(`${what}: crashed with ${(e as Error)?.name}: ${(e as Error)?.message ?? e}`, { cause: e })
  }
  done()
  return result
}

const DANGEROUS_TAGS = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'form', 'input', 'button', 'textarea', 'select', 'base', 'meta', 'link', 'template', 'noscript', 'portal'
])
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster', 'srcset'])

interface P5Node {
  nodeName: string
  tagName?: string
  namespaceURI?: string
  attrs?: { name: string; value: string }[]
  childNodes?: P5Node[]
  content?: P5Node
}

/**
 * Every reason stored HTML could run code when the reader puts it in the page,
 * parsed as a browser parses it (parse5, the HTML standard's algorithm). Empty
 * when safe.
 */
export function unsafeParts(html: string): string[] {
  const found: string[] = []
  if (/<\s*script/i.test(html)) found.push('<script in output')
  const walk = (n: P5Node) => {
    if (n.tagName) {
      if (DANGEROUS_TAGS.has(n.tagName)) found.push(`<${n.tagName}>`)
      if (n.namespaceURI && n.namespaceURI !== 'http://www.w3.org/1999/xhtml') found.push(`foreign element <${n.tagName}>`)
      for (const a of n.attrs ?? []) {
        const name = a.name.toLowerCase()
        if (name.startsWith('on')) found.push(`event handler ${n.tagName}[${a.name}]`)
        if (name === 'style') found.push(`style attribute on <${n.tagName}>`)
        if (URL_ATTRS.has(name)) {
          // Browsers drop these before reading a scheme.
          const url = a.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase()
          const rasterImage = n.tagName === 'img' && name === 'src' && /^data:image\/(png|jpeg|gif|webp)[;,]/.test(url)
          if (/^(javascript|vbscript|livescript):/.test(url) || (url.startsWith('data:') && !rasterImage)) found.push(`${n.tagName}[${a.name}]=${a.value.slice(0, 60)}`)
        }
      }
    }
    for (const c of n.childNodes ?? []) walk(c)
    if (n.content) walk(n.content)
  }
  walk(parseFragment(html) as unknown as P5Node)
  return found
}

const REGRESSIONS = fileURLToPath(new URL('./fuzz-regressions/', import.meta.url))

/**
 * Inputs that once crashed a target, kept as files in fuzz-regressions/<target>/
 * (the name says what broke), replayed by every run of that target.
 */
export function regressionInputs(target: string): { name: string; bytes: Uint8Array }[] {
  const dir = join(REGRESSIONS, target)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(dir, name))) }))
}

/** Inputs tried per target in this process, for the figures in docs/RELIABILITY.md. */
export const executions: Record<string, number> = {}

/**
 * Runs a target's property over generated inputs. A failing input (after
 * shrinking) is saved as fuzz-regressions/<target>/new-<hash>.<ext> so it can be
 * committed as a regression fixture, then the run fails with fast-check's report
 * (seed and path included, to replay it).
 */
export async function fuzz<T>(
  target: string,
  arb: fc.Arbitrary<T>,
  property: (input: T) => Promise<void>,
  shortRuns: number,
  save: (input: T) => { bytes: Uint8Array; ext: string }
): Promise<void> {
  const out = await fc.check(fc.asyncProperty(arb, property), fuzzParams(shortRuns))
  executions[target] = (executions[target] ?? 0) + out.numRuns
  if (out.failed && out.counterexample) {
    const { bytes, ext } = save(out.counterexample[0])
    const dir = join(REGRESSIONS, target)
    mkdirSync(dir, { recursive: true })
    const file = join(dir, `new-${createHash('sha1').update(bytes).digest('hex').slice(0, 12)}.${ext}`)
    writeFileSync(file, bytes)
    throw new Error(`${fc.defaultReportMessage(out)}\nthe input was saved as ${file} — rename it for what broke and commit it with the fix`)
  }
  if (out.failed) throw new Error(fc.defaultReportMessage(out) ?? `${target}: fuzzing failed`)
}
