import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { dropRunningLines, toLines, toParagraphs, type Line, type TextRun } from './pdf-layout'
import { ImportError, type ParseInput, type ParseResult } from './types'

/** The PDF header may follow some junk; readers look for it within the first 1 KB. */
const HEADER_WINDOW = 1024
/** A paragraph this much larger than body text, and short, is shown as a heading. */
const HEADING_SCALE = 1.25
const HEADING_MAX_CHARS = 200
/** Lines of page 1 searched for the title when the PDF does not name one. */
const TITLE_SEARCH_LINES = 15

const WORKER_MODULE = 'pdfjs-dist/legacy/build/pdf.worker.mjs'
let workerReady: Promise<void> | null = null

/**
 * pdf.js in Node runs its "worker" in-thread. Loading the worker module ourselves and
 * handing it over via globalThis.pdfjsWorker (the documented hook) avoids pdf.js
 * resolving "./pdf.worker.mjs" relative to itself, which breaks once bundled.
 */
function ensureWorker(): Promise<void> {
  workerReady ??= import(/* @vite-ignore */ WORKER_MODULE).then((worker: unknown) => {
    ;(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker
  })
  return workerReady
}

/** Font and CMap data shipped with pdfjs-dist, needed to read CJK and standard-font text. */
function assetUrls(): { cMapUrl?: string; standardFontDataUrl?: string } {
  try {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
    // In Node pdf.js reads these with fs, from a path ending in a separator.
    return { cMapUrl: join(root, 'cmaps') + '/', standardFontDataUrl: join(root, 'standard_fonts') + '/' }
  } catch {
    return {}
  }
}

const invalid = (): ImportError =>
  new ImportError('not a valid PDF (damaged or not a PDF at all) — download it again or re-save it from a PDF viewer')

/**
 * Parses a PDF's text layer with pdf.js: paragraphs inferred from line positions,
 * larger short lines as headings, running headers/footers dropped, and a "Page N"
 * marker before each page so quotes can cite pages. Title and author come from the
 * document info (title falls back to the largest line near the top of page 1).
 * @throws ImportError for non-PDFs, damaged or password-protected files and for
 * scans without a text layer.
 */
export async function parsePdf(input: ParseInput): Promise<ParseResult> {
  const head = Buffer.from(input.bytes.subarray(0, HEADER_WINDOW)).toString('latin1')
  if (!head.includes('%PDF-')) throw invalid()
  await ensureWorker()
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given.
    data: new Uint8Array(input.bytes),
    ...assetUrls(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    verbosity: 0
  })
  let doc: Awaited<typeof task.promise>
  try {
    doc = await task.promise
  } catch (e) {
    await task.destroy()
    if ((e as Error)?.name === 'PasswordException') {
      throw new ImportError('PDF is password-protected — open it, save a copy without the password, and import that')
    }
    throw invalid()
  }
  try {
    const pages: Line[][] = []
    for (let n = 1; n <= doc.numPages; n++) {
      // A damaged page tree or content stream fails here, after the document opened.
      const page = await doc.getPage(n).catch(() => Promise.reject(invalid()))
      const content = await page.getTextContent().catch(() => Promise.reject(invalid()))
      const runs: TextRun[] = []
      for (const item of content.items) {
        if (!('str' in item)) continue
        const [, , c, d, x, y] = item.transform as number[]
        runs.push({ str: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d), hasEOL: item.hasEOL })
      }
      pages.push(toLines(runs))
      page.cleanup()
    }
    if (!pages.some((lines) => lines.some((l) => /\S/.test(l.text)))) {
      throw new ImportError('no text layer (scanned?) — run OCR first')
    }
    const info = ((await doc.getMetadata().catch(() => null))?.info ?? {}) as Record<string, unknown>
    return {
      format: 'pdf',
      encoding: null,
      docs: [
        {
          title: infoTitle(info.Title) ?? titleFromPage(pages[0]) ?? 'Untitled PDF',
          author: clean(info.Author),
          published: pdfDate(info.CreationDate),
          language: clean(info.Language),
          html: renderPages(dropRunningLines(pages))
        }
      ]
    }
  } finally {
    await doc.destroy()
  }
}

function renderPages(pages: Line[][]): string {
  const out: string[] = []
  pages.forEach((lines, i) => {
    if (i > 0) out.push('<hr>')
    out.push(`<p><small>Page ${i + 1}</small></p>`)
    if (lines.length === 0) return
    for (const p of toParagraphs(lines)) {
      const heading = p.scale >= HEADING_SCALE && p.text.length <= HEADING_MAX_CHARS
      out.push(heading ? `<h2>${escapeText(p.text)}</h2>` : `<p>${escapeText(p.text)}</p>`)
    }
  })
  return out.join('\n')
}

function clean(v: unknown): string | null {
  if (typeof v !== 'string') return null
   
  const t = v.replace(/[\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim()
  return t === '' ? null : t
}

/** Info titles are often the authoring tool's file name; those are no title. */
function infoTitle(v: unknown): string | null {
  const t = clean(v)?.replace(/^Microsoft (?:Word|PowerPoint) - /i, '') ?? null
  if (!t || /^untitled\b/i.test(t) || /\.(?:docx?|pdf|tex|dvi|indd|pptx?|odt|rtf)$/i.test(t)) return null
  return t
}

function titleFromPage(lines: Line[] | undefined): string | null {
  const top = (lines ?? []).slice(0, TITLE_SEARCH_LINES).filter((l) => /\p{L}/u.test(l.text))
  if (top.length === 0) return null
  const biggest = top.reduce((a, b) => (b.height > a.height ? b : a))
  return biggest.text.slice(0, 300)
}

/** "D:YYYYMMDDHHmmSS+HH'mm'" → "YYYY-MM-DD" (the day as the author's clock had it). */
export function pdfDate(v: unknown): string | null {
  const m = typeof v === 'string' ? /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(v.trim()) : null
  if (!m) return null
  const [year, month, day] = [Number(m[1]), Number(m[2] ?? '1'), Number(m[3] ?? '1')]
  const d = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || year > 2999 || d.getUTCMonth() !== month - 1) return null
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}
