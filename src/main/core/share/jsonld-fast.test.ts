import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { plainAnnotation, plainPosition, plainQuote } from './jsonld-fast'
import { AnnotationShape, MAX_QUOTE_CHARS, PositionSelector, QuoteSelector } from './parse-jsonld'

const LIMITS = { maxTags: 50, maxQuote: MAX_QUOTE_CHARS, maxContext: 1_000 }

// Each field mostly plain, sometimes near or past one of its rules, so that the quick pass meets both sides.
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) => fc.oneof({ arbitrary: good, weight: 15 }, { arbitrary: bad, weight: 1 })
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 })
const text = fc.string({ minLength: 1, maxLength: 8 })
const edge = fc.oneof(fc.constant(''), fc.constant('x'.repeat(201)), fc.constant('x'.repeat(1_001)), fc.constant('x'.repeat(4_097)))
const odd = fc.oneof(edge, fc.constant(null), fc.integer(), fc.constant([]), fc.constant({}), fc.boolean())
const time = mostly(
  fc.date({ min: new Date(0), max: new Date('9999-12-31'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.oneof(
    fc.constant('2024-02-30T02:02:00.000Z'),
    fc.constant('2023-02-29T00:00:00.000Z'),
    fc.constant('2024-01-31T02:02:00Z'),
    fc.constant('2024-01-31T02:02:00.000+03:00'),
    fc.constant('2024-13-01T00:00:00.000Z'),
    fc.constant('2024-01-31T24:00:00.000Z'),
    odd
  )
)
const typedObj = fc.record({ type: maybe(mostly(text, odd)), exact: maybe(text) }, { requiredKeys: [] })
const body = mostly(
  fc.record({ type: maybe(mostly(fc.constant('TextualBody'), odd)), value: maybe(mostly(text, odd)), purpose: maybe(mostly(fc.constant('tagging'), odd)) }, { requiredKeys: [] }),
  fc.oneof(text, odd)
)
const target = mostly(
  fc.record(
    {
      source: mostly(text, odd),
      selector: maybe(mostly(fc.array(typedObj, { maxLength: 3 }), fc.oneof(typedObj, fc.array(typedObj, { minLength: 21, maxLength: 22 }), odd))),
      'scholia:article': maybe(mostly(text, odd))
    },
    { requiredKeys: ['source'] }
  ),
  fc.oneof(odd, fc.array(fc.record({ source: text }), { maxLength: 2 }))
)
const annotation = fc.record(
  {
    id: mostly(text, odd),
    type: mostly(fc.constant('Annotation'), fc.oneof(fc.constant(['Annotation']), text, odd)),
    created: maybe(time),
    modified: maybe(time),
    'scholia:deleted': maybe(time),
    creator: maybe(mostly(fc.record({ type: fc.constant('Person'), name: maybe(mostly(text, odd)), nickname: maybe(mostly(text, odd)) }, { requiredKeys: [] }), fc.oneof(text, odd))),
    body: maybe(mostly(fc.array(body, { maxLength: 4 }), fc.oneof(body, fc.array(body, { minLength: 61, maxLength: 61 }), odd))),
    bodyValue: maybe(mostly(text, odd)),
    target,
    'scholia:color': maybe(mostly(fc.constant('purple'), fc.oneof(fc.constant('mauve'), odd))),
    motivation: maybe(text)
  },
  { requiredKeys: ['id', 'type', 'target'] }
)
const quote = fc.record(
  {
    type: mostly(fc.constant('TextQuoteSelector'), text),
    exact: mostly(text, fc.oneof(odd, fc.constant('x'.repeat(MAX_QUOTE_CHARS + 1)))),
    prefix: maybe(mostly(text, odd)),
    suffix: maybe(mostly(text, odd))
  },
  { requiredKeys: ['type', 'exact'] }
)
const offset = mostly(fc.nat({ max: 50 }), fc.oneof(fc.integer({ min: -3, max: -1 }), fc.double(), fc.constant(2 ** 60), odd))
const position = fc.record({ type: mostly(fc.constant('TextPositionSelector'), text), start: offset, end: offset })

describe('the quick pass over plain annotations', () => {
  it('accepts an annotation only when zod accepts it and hands it back unchanged', () => {
    let taken = 0
    fc.assert(
      fc.property(annotation, (raw) => {
        if (!plainAnnotation(raw, LIMITS)) return
        taken++
        const r = AnnotationShape.safeParse(raw)
        expect(r.success).toBe(true)
        expect(r.data).toEqual(raw)
      }),
      { numRuns: 3_000 }
    )
    // Both sides met: enough plain ones taken, and not everything.
    expect(taken).toBeGreaterThan(300)
    expect(taken).toBeLessThan(2_700)
  })

  it('reads a quote or a position only when zod accepts it, with the same fields', () => {
    let quotes = 0
    let positions = 0
    fc.assert(
      fc.property(quote, position, (q, p) => {
        const fq = plainQuote(q, LIMITS)
        if (fq) quotes++
        if (fq) expect(QuoteSelector.safeParse(q).data).toMatchObject(fq)
        const fp = plainPosition(p)
        if (fp) positions++
        if (fp) expect(PositionSelector.safeParse(p).data).toMatchObject(fp)
      }),
      { numRuns: 3_000 }
    )
    expect(quotes).toBeGreaterThan(300)
    expect(positions).toBeGreaterThan(300)
  })

  it('takes the shape Scholia exports', () => {
    const raw = {
      id: 'urn:uuid:d61798a3-a43a-4ae6-bc67-fbb8961ce2e3',
      type: 'Annotation',
      created: '2024-01-31T02:02:00.000Z',
      modified: '2024-01-31T02:02:00.000Z',
      creator: { type: 'Person', name: 'Аня' },
      body: [{ type: 'TextualBody', value: 'topic/climate', purpose: 'tagging' }],
      target: { source: 'https://news.example.org/4332', selector: [{ type: 'TextQuoteSelector', exact: 'logy' }, { type: 'TextPositionSelector', start: 1, end: 5 }] },
      'scholia:color': 'purple'
    }
    expect(plainAnnotation(raw, LIMITS)).toBe(true)
    expect(plainQuote(raw.target.selector[0], LIMITS)).toEqual({ exact: 'logy', prefix: '', suffix: '' })
    expect(plainPosition(raw.target.selector[1])).toEqual({ start: 1, end: 5 })
  })
})
