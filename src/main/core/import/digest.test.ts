import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { splitDigest } from './digest'
import { isNavigationLine } from './text-lines'
import type { ParsedDoc } from './types'

const FIXTURE = join(__dirname, '../../../../resources/news-digest-csto.txt')
const split = (text: string): ParsedDoc[] => splitDigest(text, { fallbackTitle: 'file' })
/** Plain text of an HTML fragment, as the pipeline derives it (text nodes only). */
const plain = (html: string): string =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
const summary = (docs: ParsedDoc[]) => docs.map((d) => ({ title: d.title, published: d.published }))

describe('splitDigest: the CSTO news page fixture', () => {
  const docs = split(readFileSync(FIXTURE, 'utf8'))
  const headline =
    'Stanislav Zas: In the Republic of Kazakhstan, the CSTO has sent a signal to the whole world - we do not leave allies behind'

  it('yields exactly six articles with the right dates', () => {
    expect(docs.map((d) => d.published)).toEqual(['2024-10-02', '2024-10-01', '2024-10-01', '2024-09-27', '2024-09-26', '2022-05-30'])
  })

  it('titles news items from their first sentence, cut at a word boundary', () => {
    expect(docs[0].title).toBe('In Kazakhstan, a joint command-staff training with the CSTO Collective Peacekeeping Forces (CPF)…')
    expect(docs[2].title.startsWith('On September 30, 2024, in Almaty, under the chairmanship')).toBe(true)
    for (const d of docs.slice(0, 5)) {
      expect(d.title.length).toBeLessThanOrEqual(100)
      expect(d.title).toMatch(/[^\s,]…$/)
      expect(d.author).toBeNull()
    }
  })

  it('reads the interview headline, date and author', () => {
    expect(docs[5]).toMatchObject({ title: headline, published: '2022-05-30', author: 'Nikita Vyatchanin' })
  })

  it('does not repeat the headline in the interview body', () => {
    expect(plain(docs[5].html)).not.toContain('we do not leave allies behind')
    for (const d of docs.slice(0, 5)) expect(plain(d.html)).not.toContain('Stanislav Zas:')
  })

  it('drops site navigation', () => {
    for (const d of docs) expect(plain(d.html)).not.toMatch(/Go back|Back to the section|Back to the all news/)
  })

  it('keeps every item to its own text', () => {
    expect(plain(docs[4].html)).toContain('was held in Moscow.')
    expect(plain(docs[4].html)).not.toContain('Collective Security Treaty Organization Secretary General')
    expect(plain(docs[5].html)).not.toContain('Extremist Ideology')
  })

  it('renders questions, the photo credit and the related list distinctly', () => {
    const html = docs[5].html
    expect(html).toContain('<strong>What is the role of interparliamentary cooperation in CSTO activities?</strong>')
    expect(html).toContain('<figure><figcaption>Stanislav Zas © Photo by Sergey Rusanov</figcaption></figure>')
    expect(html).not.toMatch(/<p>[^<]*© Photo/)
    // The "Read also" links sit in their own list after the prose, not between answers.
    const related = html.indexOf('Read also')
    expect(related).toBeGreaterThan(html.indexOf('ready to protect their interests 24/7'))
    expect(html.slice(related)).toContain('<li>Lukashenko: military cooperation and membership in the CSTO sobered up the West</li>')
    expect(html.match(/Lukashenko/g)).toHaveLength(1)
  })

  it('separates blocks with newlines so the plain text keeps word boundaries', () => {
    for (const d of docs) expect(d.html).not.toMatch(/<\/(p|figure|ul|section)><(p|figure|ul|section|h2)/)
  })
})

describe('splitDigest: layouts and languages', () => {
  it('date-then-text, DD.MM.YYYY, with navigation', () => {
    const text = [
      'Back to the all news', '', '03.10.2024', '', 'The council met in Minsk. It adopted a plan.', '', '',
      '02.10.2024', '', 'Ministers signed an agreement on transport.', 'The text will be published.', '', '',
      '01.10.2024', 'Exercises ended at the Bereg range.', '', 'Go back'
    ].join('\n')
    const docs = split(text)
    expect(summary(docs)).toEqual([
      { title: 'The council met in Minsk', published: '2024-10-03' },
      { title: 'Ministers signed an agreement on transport', published: '2024-10-02' },
      { title: 'Exercises ended at the Bereg range', published: '2024-10-01' }
    ])
    expect(plain(docs[1].html)).toContain('Ministers signed an agreement on transport. The text will be published.')
  })

  it('headline-then-date, "September 26, 2024" on its own line', () => {
    const text = [
      'Summit opens in Astana', 'September 26, 2024', '', 'Leaders arrived on Thursday.', '',
      'Ministers agree on budget', 'September 25, 2024', '', 'The budget grows by ten percent.', '',
      'New secretary general appointed', 'September 24, 2024', '', 'He takes office in January.'
    ].join('\n')
    expect(summary(split(text))).toEqual([
      { title: 'Summit opens in Astana', published: '2024-09-26' },
      { title: 'Ministers agree on budget', published: '2024-09-25' },
      { title: 'New secretary general appointed', published: '2024-09-24' }
    ])
  })

  it('headline-then-date with blank lines and "26 September 2024"', () => {
    const text = 'Floods in the north\n\n26 September 2024\n\nRivers rose overnight.\n\nHarvest record\n\n25 September 2024\n\nFarmers reported a record year.'
    const docs = split(text)
    expect(summary(docs)).toEqual([
      { title: 'Floods in the north', published: '2024-09-26' },
      { title: 'Harvest record', published: '2024-09-25' }
    ])
    expect(plain(docs[0].html)).not.toContain('Harvest record')
  })

  it('Russian, date-then-text with genitive month names', () => {
    const text = [
      '26 сентября 2024 г.', '', 'В Москве прошла конференция по безопасности. Участники обсудили угрозы.', '',
      '25 сентября 2024 г.', '', 'Министры иностранных дел встретились в Нью-Йорке.', '', 'Назад'
    ].join('\n')
    const docs = split(text)
    expect(summary(docs)).toEqual([
      { title: 'В Москве прошла конференция по безопасности', published: '2024-09-26' },
      { title: 'Министры иностранных дел встретились в Нью-Йорке', published: '2024-09-25' }
    ])
    expect(docs.map((d) => plain(d.html)).join(' ')).not.toContain('Назад')
  })

  it('Russian, headline-then-date, with byline, photo credit and "Читайте также"', () => {
    const text = [
      'Учения ОДКБ начались в Казахстане', '2 октября 2024', '', 'Автор: Иван Петров', '', 'Фото: пресс-служба ОДКБ', '',
      'Миротворцы отрабатывают задачи на блокпостах.', '', 'Читайте также:', '• Совет министров собрался в Минске', '',
      'Учения продлятся неделю.', '',
      'Совет министров собрался в Минске', '1 октября 2024', '', 'Министры обсудили бюджет организации.'
    ].join('\n')
    const docs = split(text)
    expect(docs).toHaveLength(2)
    expect(docs[0]).toMatchObject({ title: 'Учения ОДКБ начались в Казахстане', published: '2024-10-02', author: 'Иван Петров' })
    expect(docs[0].html).toContain('<figure><figcaption>Фото: пресс-служба ОДКБ</figcaption></figure>')
    const html = docs[0].html
    expect(html.indexOf('Читайте также')).toBeGreaterThan(html.indexOf('Учения продлятся неделю.'))
    expect(docs[1]).toMatchObject({ title: 'Совет министров собрался в Минске', published: '2024-10-01', author: null })
  })

  it('headline lines that end in an ISO date', () => {
    const text = 'Council adopts new strategy 2024-10-02\nThe strategy runs to 2030.\n\nTraining completed in Tajikistan 2024-09-30\nTroops returned home.'
    expect(summary(split(text))).toEqual([
      { title: 'Council adopts new strategy', published: '2024-10-02' },
      { title: 'Training completed in Tajikistan', published: '2024-09-30' }
    ])
  })

  it('"By" bylines and interview questions in a digest item', () => {
    const text = [
      '02.10.2024', '', 'Interview with the minister', '', 'By Jane Doe', '',
      '- What are your plans for next year?', '', '- We will build two bridges.', '',
      '01.10.2024', '', 'A short note about the weather.'
    ].join('\n')
    const docs = split(text)
    expect(docs[0]).toMatchObject({ title: 'Interview with the minister', author: 'Jane Doe', published: '2024-10-02' })
    expect(docs[0].html).toContain('<p class="question"><strong>What are your plans for next year?</strong></p>')
    expect(docs[0].html).toContain('<p>— We will build two bridges.</p>')
    expect(docs[1].title).toBe('A short note about the weather')
  })

  it('keeps a page heading above the first item without naming the item after it', () => {
    const docs = split('News\n\n02.10.2024\n\nFirst item text here.\n\n01.10.2024\n\nSecond item text.')
    expect(docs.map((d) => d.title)).toEqual(['First item text here', 'Second item text'])
    expect(plain(docs[0].html)).toContain('News')
  })
})

describe('splitDigest: texts that stay one article', () => {
  it('an essay with one date line', () => {
    const docs = split('On Method\n\nBy Ann Smith\n\n12 March 2021\n\nThe first paragraph.\n\nThe second paragraph.')
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ title: 'On Method', author: 'Ann Smith', published: '2021-03-12' })
  })

  it('dates inside prose do not split', () => {
    const text =
      'On September 30, 2024, in Almaty, the council met.\n\nIt met again on 01.10.2024 in Astana.\n\nThe next session is planned for 2025-03-01, in Minsk.'
    const docs = split(text)
    expect(docs).toHaveLength(1)
    expect(docs[0].published).toBeNull()
  })

  it('a date-only line inside a hard-wrapped sentence does not split', () => {
    const text = 'The agreement was signed on\n26.09.2024\nin Moscow by all members.\n\nIt enters into force on\n01.01.2025\nafter ratification.'
    expect(split(text)).toHaveLength(1)
  })

  it('"Published" and "Updated" lines at the top', () => {
    const docs = split('Report title\n\nPublished: 26 September 2024\nUpdated: 27 September 2024\n\nBody of the report.')
    expect(docs).toHaveLength(1)
    expect(docs[0]).toMatchObject({ title: 'Report title', published: '2024-09-26' })
  })

  it('a list of dated headlines without bodies', () => {
    const docs = split('Headline number one here 02.10.2024\nHeadline number two here 01.10.2024\nHeadline number three here 30.09.2024')
    expect(docs).toHaveLength(1)
  })

  it('no dates at all', () => {
    const docs = split('Just a note\n\nwith two paragraphs.')
    expect(docs).toHaveLength(1)
  })
})

describe('splitDigest: properties', () => {
  const words = ['CSTO', 'council', 'Minsk', 'peace', 'ОДКБ', 'совет', 'Москва', 'мир', 'the', 'в', 'and', 'on', 'what']
  const word = fc.oneof(fc.constantFrom(...words), fc.stringMatching(/^[A-Za-zА-Яа-я]{1,8}$/))
  const sentence = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 14 }), fc.constantFrom('.', '?', '!', '', ':', ','))
    .map(([w, p]) => w.join(' ') + p)
  const date = fc
    .tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2030 }))
    .chain(([d, m, y]) =>
      fc.constantFrom(
        `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`,
        `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        `${d} ${['January', 'May', 'September', 'December'][m % 4]} ${y}`,
        `${['March', 'October'][m % 2]} ${d}, ${y}`,
        `${d} ${['января', 'мая', 'сентября', 'декабря'][m % 4]} ${y} г.`
      )
    )
  const line = fc.oneof(
    { weight: 6, arbitrary: sentence },
    { weight: 3, arbitrary: fc.constant('') },
    { weight: 2, arbitrary: date },
    { weight: 1, arbitrary: fc.tuple(sentence, date).map(([s, d]) => `${s} ${d}`) },
    { weight: 1, arbitrary: fc.constantFrom('Go back', 'Back to the section', 'Back to the all news', 'Назад', 'Read also:', 'Читайте также:') },
    { weight: 1, arbitrary: sentence.map((s) => `• ${s}`) },
    { weight: 1, arbitrary: sentence.map((s) => `- ${s}`) },
    { weight: 1, arbitrary: sentence.map((s) => `Author: ${s}`) },
    { weight: 1, arbitrary: fc.constantFrom('By Jane Doe', '© Photo by Sergey Rusanov', 'Фото: ТАСС', 'Q: why?') }
  )
  const doc = fc.array(line, { maxLength: 40 }).map((ls) => ls.join('\n'))
  const tokens = (s: string): string[] => s.match(/\p{L}[\p{L}\p{N}]*/gu) ?? []

  const keepsWords = (text: string): void => {
    const docs = split(text)
    expect(docs.length).toBeGreaterThan(0)
    const out = new Set(docs.flatMap((d) => [...tokens(d.title), ...tokens(plain(d.html))]))
    for (const l of text.split('\n')) {
      if (isNavigationLine(l)) continue
      for (const w of tokens(l)) if (!out.has(w)) throw new Error(`lost word ${JSON.stringify(w)} from line ${JSON.stringify(l)}`)
    }
    for (const d of docs) {
      expect(typeof d.title).toBe('string')
      expect(d.title.length).toBeGreaterThan(0)
    }
  }

  it('never throws and never loses a word on digest-shaped text', () => {
    fc.assert(fc.property(doc, keepsWords), { numRuns: 400 })
  })

  it('never throws and never loses a word on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), keepsWords), { numRuns: 300 })
    fc.assert(fc.property(fc.string({ maxLength: 400 }), keepsWords), { numRuns: 300 })
  })
})
