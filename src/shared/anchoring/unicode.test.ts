import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchor } from './anchor'
import { describeRange } from './describe'
import { AnchoringError } from './errors'

// A page mixing what real articles contain: emoji (surrogate pairs, ZWJ
// sequences, flags), decomposed accents (combining marks), CJK, right-to-left
// Arabic and Hebrew, non-breaking and ideographic spaces.
const page = [
  'Reading list 📚 for the weekend: 👩‍👩‍👧 family stories and 🇰🇿 travel notes.',
  'Cafe\u0301 de\u0301ja\u0300 vu: the naı\u0308ve critic\u2019s re\u0301sume\u0301 of the season.',
  '集体安全条约组织在哈萨克斯坦举行了维和演习。参加者来自六个成员国。',
  'منظمة معاهدة الأمن الجماعي عقدت اجتماعا في أستانا.',
  'ארגון אמנת הביטחון הקולקטיבי קיים תרגיל משותף.',
  'Held on 25\u00a0September\u00a02024 in Almaty, chaired by Dr.\u00a0Zas.',
  '東京\u3000大阪\u3000名古屋 — 🧑🏽‍💻 coding on the train.'
].join('\n\n')

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const rangeOf = (phrase: string, text = page): [number, number] => {
  const start = text.indexOf(phrase)
  if (start < 0) throw new Error(`page lacks ${phrase}`)
  return [start, start + phrase.length]
}

describe('describing highlights in any script', () => {
  it('a selection starting or ending inside an emoji takes in the whole emoji', () => {
    const [start, end] = rangeOf('📚')
    expect(describeRange(page, start + 1, end + 4).quote.exact).toBe('📚 for')
    expect(describeRange(page, start - 5, start + 1).quote.exact).toBe('list 📚')
  })

  it('a selection ending inside a family emoji takes in the whole family', () => {
    const [start] = rangeOf('👩‍👩‍👧')
    expect(describeRange(page, start, start + 3).quote.exact).toBe('👩‍👩‍👧')
  })

  it('a selection ending between a letter and its accent keeps the accent', () => {
    const [start] = rangeOf('Cafe\u0301')
    expect(describeRange(page, start, start + 4).quote.exact).toBe('Cafe\u0301')
  })

  it('a selection starting on an accent takes in the letter it sits on', () => {
    const accent = page.indexOf('\u0301')
    expect(describeRange(page, accent, accent + 3).quote.exact).toBe('e\u0301 d')
  })

  it('stored context never holds half an emoji, so it survives saving as UTF-8', () => {
    const [start, end] = rangeOf('for the weekend')
    // 1 + the two halves of 📚 + 1 would put the prefix boundary mid-emoji.
    const { quote } = describeRange(page, start, end, start - page.indexOf('📚') - 1)
    expect(quote.prefix).toBe(' ')
    expect(LONE_SURROGATE.test(quote.prefix + quote.exact + quote.suffix)).toBe(false)
  })

  it('trims non-breaking and ideographic spaces off a selection', () => {
    const [start, end] = rangeOf('\u00a0September\u00a0')
    expect(describeRange(page, start, end).quote.exact).toBe('September')
    const [s2, e2] = rangeOf('\u3000大阪\u3000')
    expect(describeRange(page, s2, e2).quote.exact).toBe('大阪')
  })

  it('refuses a selection of only non-breaking spaces and line breaks', () => {
    const text = 'a\u00a0\u00a0\n\u3000b'
    expect(() => describeRange(text, 1, 5)).toThrowError(AnchoringError)
  })

  it('any selection of the page yields well-formed text that anchors back to it', () => {
    fc.assert(
      fc.property(fc.nat({ max: page.length - 1 }), fc.integer({ min: 1, max: 60 }), (start, length) => {
        const end = Math.min(page.length, start + length)
        let selectors
        try {
          selectors = describeRange(page, start, end)
        } catch (e) {
          if (e instanceof AnchoringError && e.code === 'whitespace-only') return
          throw e
        }
        const { position, quote } = selectors
        expect(LONE_SURROGATE.test(quote.prefix + quote.exact + quote.suffix)).toBe(false)
        expect(page.slice(position.start, position.end)).toBe(quote.exact)
        expect(anchor(page, selectors)).toMatchObject({ start: position.start, end: position.end, method: 'position' })
      }),
      { numRuns: 300 }
    )
  })
})

describe('anchoring highlights in any script after edits', () => {
  const inserted = 'عاجل: تحديث 🆕\n\n'
  const updated = inserted + page

  for (const phrase of [
    'منظمة معاهدة الأمن الجماعي',
    'ארגון אמנת הביטחון',
    '举行了维和演习',
    '👩‍👩‍👧 family stories',
    'de\u0301ja\u0300 vu',
    '25\u00a0September\u00a02024'
  ]) {
    it(`a highlight on “${phrase}” stays on the same words after text is inserted before it`, () => {
      const selectors = describeRange(page, ...rangeOf(phrase))
      expect(anchor(updated, selectors)).toMatchObject({
        start: selectors.position.start + inserted.length,
        method: 'exact'
      })
    })
  }

  it('a highlight on Chinese text survives one character being corrected', () => {
    const selectors = describeRange(page, ...rangeOf('集体安全条约组织在哈萨克斯坦举行了维和演习'))
    const edited = updated.replace('维和演习', '维和训练')
    const found = anchor(edited, selectors)
    expect(found?.method).toBe('fuzzy')
    expect(edited.slice(found!.start, found!.end)).toBe('集体安全条约组织在哈萨克斯坦举行了维和训练')
  })

  it('a highlight on Hebrew text survives a word being changed', () => {
    const selectors = describeRange(page, ...rangeOf('ארגון אמנת הביטחון הקולקטיבי קיים תרגיל'))
    const edited = updated.replace('קיים תרגיל', 'ערך תרגיל')
    expect(anchor(edited, selectors)?.method).toBe('fuzzy')
  })

  it('a highlight ending in an emoji survives the emoji being swapped for another', () => {
    const text = 'Plans for the weekend 😀 are set.'
    const selectors = describeRange(text, ...rangeOf('the weekend 😀', text))
    const edited = text.replace('😀', '😁')
    const found = anchor(edited, selectors)
    expect(found?.method).toBe('fuzzy')
    expect(edited.slice(found!.start, found!.end)).toBe('the weekend 😁')
  })
})
