import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalize } from './canonical'
import { canonicalBlocks } from './safe-html'
import { sanitizeHtml } from './sanitize'
import { parseText } from './text'
import {
  blocksToHtml, caption, dateline, heading, list, paragraph, question, related, turn, type TextElement
} from './text-html'
import type { ParseResult } from './types'

/** What the generic import path stores for this HTML. */
const generic = (html: string) => canonicalize(sanitizeHtml(html))

// Pieces that have broken sanitisers and serialisers before: markup, entities,
// non-breaking spaces, CR/LF, NUL and other controls, lone and paired surrogates, links.
const NASTY = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '</p><p>', '<!--', '-->', '<![CDATA[', ']]>',
  '&', '&amp;', '&lt;', '&#0;', '&#13;', '&nbsp;', '&notin;', '"', "'", '<', '>', '=', '`',
  '\u00a0', '\r', '\r\n', '\n', '\n\n', '\t', '\0', '\x01', '\x1f', '\x7f', '\x85', '\u2028', '\ufeff', '\uFFFD',
  '\ud800', '\udfff', '\ud83d\ude00', '\ud83d', 'é', 'ё', ' ', '  ', '— ', '- ', '?', '…',
  'http://example.org/a?b=1&c=2', 'https://x.y/<z>', 'https://e.com/\x01x', 'http://', 'https://a.b/c...',
  'javascript:alert(1)', 'data:text/html,<b>', 'http://a.b/"onmouseover="x'
]
const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 2, arbitrary: fc.constantFrom('Word', 'word', 'Слово', 'The end.', 'By Jane', '02.10.2024') }
)
const nastyText = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))
const lines = fc.array(nastyText, { minLength: 1, maxLength: 5 })
const isoDate = fc
  .record({ y: fc.integer({ min: 1800, max: 2199 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)

const block: fc.Arbitrary<TextElement> = fc.oneof(
  lines.map(paragraph),
  fc.tuple(lines, fc.boolean()).map(([items, ordered]) => list(items, ordered)),
  nastyText.map(caption),
  nastyText.map(question),
  nastyText.map(turn),
  nastyText.map(heading),
  fc.tuple(isoDate, nastyText, fc.option(nastyText)).map(([iso, raw, before]) => dateline({ iso, raw }, before)),
  fc.tuple(nastyText, lines).map(([label, items]) => related(label, items))
)

const parse = (text: string): ParseResult => parseText({ bytes: new TextEncoder().encode(text), source: 'a.txt' }) as ParseResult

describe('canonical HTML built straight from text blocks', () => {
  it('equals sanitising and canonicalising the same blocks, for any text in them (property)', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const built = canonicalBlocks(blocks)
        expect(built).not.toBeNull()
        expect(built).toEqual(generic(blocksToHtml(blocks)))
      }),
      { numRuns: 5000 }
    )
  })

  it('equals the generic path for every article the text parser makes (property)', () => {
    const line = fc.oneof(
      nastyText,
      fc.constantFrom('', '', '• item', '- Why?', '1. first', 'Read also:', 'Фото: ТАСС', 'By Jane Doe', '26 сентября 2024', 'Go back')
    )
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (ls) => {
        let result: ParseResult
        try {
          result = parse(ls.join('\n'))
        } catch {
          return // empty or binary-looking input: refused before any HTML exists
        }
        for (const doc of result.docs) {
          expect(doc.canonical).toBeDefined()
          expect(doc.canonical).toEqual(generic(doc.html))
        }
      }),
      { numRuns: 2000 }
    )
  })

  it('equals the generic path on the real news digest', () => {
    const bytes = readFileSync(join(__dirname, '../../../../resources/news-digest-csto.txt'))
    const docs = parseText({ bytes: new Uint8Array(bytes), source: 'digest.txt' }) as ParseResult
    expect(docs.docs).toHaveLength(6)
    for (const d of docs.docs) expect(d.canonical).toEqual(generic(d.html))
  })

  it('drops the question class as the sanitiser does and keeps markup-looking text as text', () => {
    const built = canonicalBlocks([question('<script>alert(1)</script>?'), paragraph(['a\u00a0&\r\nb\0 \ud83d\0\udfff'])])
    expect(built).toEqual({
      html: '<p><strong>&lt;script&gt;alert(1)&lt;/script&gt;?</strong></p>\n<p>a&nbsp;&amp;\nb \ufffd\ufffd</p>',
      text: '<script>alert(1)</script>?\na\u00a0&\nb \ufffd\ufffd'
    })
  })

  it('gives up (null) on anything outside its allow-list', () => {
    expect(canonicalBlocks([{ tag: 'script' as 'p', kids: ['x'] }])).toBeNull()
    expect(canonicalBlocks([{ tag: 'a', attrs: [['href', 'javascript:alert(1)']], kids: ['x'] }])).toBeNull()
    expect(canonicalBlocks([{ tag: 'p', attrs: [['onclick', 'x()']], kids: ['x'] }])).toBeNull()
  })
})
