import { describe, expect, it } from 'vitest'
import { parseDateLine, parseTrailingDate } from './dates'

describe('parseDateLine', () => {
  it.each([
    ['02.10.2024', '2024-10-02'],
    ['2.1.2024', '2024-01-02'],
    ['2024-10-02', '2024-10-02'],
    ['2024-10-02T14:35:00Z', '2024-10-02'],
    ['26 September 2024', '2024-09-26'],
    ['26th Sept. 2024', '2024-09-26'],
    ['September 26, 2024', '2024-09-26'],
    ['Sep 26 2024', '2024-09-26'],
    ['Wednesday, 2 October 2024', '2024-10-02'],
    ['02.10.2024 14:35', '2024-10-02'],
    ['October 2, 2024 at 3:15 pm', '2024-10-02'],
    ['Published: September 26, 2024', '2024-09-26'],
    ['26 сентября 2024', '2024-09-26'],
    ['26 сентября 2024 г.', '2024-09-26'],
    ['1 мая 2023 года', '2023-05-01'],
    ['Среда, 2 октября 2024, 10:00', '2024-10-02'],
    ['Опубликовано: 5 дек. 2022', '2022-12-05'],
    ['01.10.2024 г.', '2024-10-01']
  ])('reads %j', (line, iso) => {
    expect(parseDateLine(line)?.iso).toBe(iso)
  })

  it.each([
    '31.02.2024', // no such day
    '13.13.2024',
    '26 Septober 2024',
    'On September 30, 2024, in Almaty',
    '25-26 September 2024',
    'The meeting was held on 26.09.2024.',
    '2024',
    'Version 1.2.2024 released'
  ])('rejects %j', (line) => {
    expect(parseDateLine(line)).toBeNull()
  })

  it('keeps the line as written in raw', () => {
    expect(parseDateLine('  26 сентября 2024 г. ')?.raw).toBe('26 сентября 2024 г.')
  })
})

describe('parseTrailingDate', () => {
  it('splits a headline from the date that ends it', () => {
    const t = parseTrailingDate('Stanislav Zas: we do not leave allies behind 30.05.2022')
    expect(t).toEqual({ before: 'Stanislav Zas: we do not leave allies behind', date: { iso: '2022-05-30', raw: '30.05.2022' } })
  })

  it('accepts separators and times', () => {
    expect(parseTrailingDate('Big news | Sep 26, 2024 10:00')?.before).toBe('Big news')
    expect(parseTrailingDate('Заголовок новости — 26 сентября 2024')?.date.iso).toBe('2024-09-26')
  })

  it('needs the date at the very end and on a word boundary', () => {
    expect(parseTrailingDate('Held on 26.09.2024 in Moscow')).toBeNull()
    expect(parseTrailingDate('Held on 26.09.2024.')).toBeNull()
    expect(parseTrailingDate('Code X30.05.2022')).toBeNull()
  })
})
