import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeText } from './encoding'
import { russianScore } from './cyrillic-score'

const RU = [
  'Съешь же ещё этих мягких французских булок, да выпей чаю.',
  'Организация Договора о коллективной безопасности провела учения в Казахстане. Генеральный секретарь рассказал о планах на следующий год.',
  'В Москве прошла международная конференция по вопросам противодействия распространению идеологии экстремизма.',
  'Мы не оставляем союзников в беде, - сказал он журналистам после заседания Совета.'
]
const FR = [
  "Le cœur déçu mais l'âme plutôt naïve, Louÿs rêva de crapaüter en canoë au delà des îles.",
  'Ça a été très agréable à Noël, « bien sûr » : la fête était réussie.',
  'Où êtes-vous allés cet été ? À Genève, près du lac Léman.'
]
const LATIN1_FR = FR.filter((s) => !/[œ—]/.test(s))

const bytes = (s: string, enc: string): Uint8Array => new Uint8Array(iconv.encode(s, enc))

describe('decodeText: Unicode', () => {
  it('reads UTF-8 with and without BOM and strips the BOM', () => {
    const plain = new TextEncoder().encode(RU[0])
    expect(decodeText(plain)).toEqual({ text: RU[0], encoding: 'UTF-8' })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain])
    expect(decodeText(withBom)).toEqual({ text: RU[0], encoding: 'UTF-8' })
  })

  it.each([
    ['utf16le', [0xff, 0xfe], 'UTF-16LE'],
    ['utf16be', [0xfe, 0xff], 'UTF-16BE']
  ])('reads %s with BOM', (enc, bom, name) => {
    for (const s of [...RU, ...FR]) {
      const b = new Uint8Array([...bom, ...iconv.encode(s, enc)])
      expect(decodeText(b)).toEqual({ text: s, encoding: name })
    }
  })

  it('reads BOM-less UTF-16 of mostly-ASCII text instead of calling it binary', () => {
    const s = 'Plain English text, saved by an old Windows tool.\nSecond line.'
    expect(decodeText(bytes(s, 'utf16le'))).toEqual({ text: s, encoding: 'UTF-16LE' })
    expect(decodeText(bytes(s, 'utf16be'))).toEqual({ text: s, encoding: 'UTF-16BE' })
  })

  it('normalises CRLF and CR line endings to LF', () => {
    const b = new TextEncoder().encode('one\r\ntwo\rthree\n')
    expect(decodeText(b).text).toBe('one\ntwo\nthree\n')
    expect(decodeText(new Uint8Array([0xff, 0xfe, ...iconv.encode('a\r\nb', 'utf16le')])).text).toBe('a\nb')
  })
})

describe('decodeText: legacy code pages', () => {
  it.each([
    ['windows-1251', 'windows-1251'],
    ['koi8-r', 'KOI8-R'],
    ['maccyrillic', 'x-mac-cyrillic'],
    ['cp866', 'IBM866']
  ])('round-trips Russian in %s', (enc, name) => {
    for (const s of RU) expect(decodeText(bytes(s, enc))).toEqual({ text: s, encoding: name })
    const all = RU.join('\n')
    expect(decodeText(bytes(all, enc))).toEqual({ text: all, encoding: name })
  })

  it('round-trips French in latin-1 and windows-1252', () => {
    for (const s of LATIN1_FR) {
      const r = decodeText(bytes(s, 'latin1'))
      expect(r.text).toBe(s)
      expect(['ISO-8859-1', 'windows-1252']).toContain(r.encoding)
    }
    for (const s of FR) {
      const r = decodeText(bytes(s, 'windows-1252'))
      expect(r.text).toBe(s)
      // Text without windows-1252's extra characters is byte-identical in ISO-8859-1.
      if (/[œ—]/.test(s)) expect(r.encoding).toBe('windows-1252')
      else expect(['ISO-8859-1', 'windows-1252']).toContain(r.encoding)
    }
  })

  it('reads English text with a few Russian words in windows-1251', () => {
    const s = 'The CSTO (in Russian: Организация Договора о коллективной безопасности) was founded in 2002.'
    expect(decodeText(bytes(s, 'windows-1251'))).toEqual({ text: s, encoding: 'windows-1251' })
  })

  it('scores the right code page above the wrong ones', () => {
    const right = russianScore(RU[1]).score
    for (const wrong of ['koi8-r', 'maccyrillic', 'cp866']) {
      const garbled = iconv.decode(Buffer.from(iconv.encode(RU[1], 'windows-1251')), wrong)
      expect(russianScore(garbled).score).toBeLessThan(right)
    }
  })
})

describe('decodeText: damaged UTF-8', () => {
  it('reads UTF-8 with a stray broken byte as UTF-8, not as mojibake', () => {
    for (const s of [RU[1], FR[0] + ' ' + FR[2]]) {
      const good = new TextEncoder().encode(s)
      const damaged = new Uint8Array([...good.subarray(0, 20), 0xff, ...good.subarray(20)])
      const r = decodeText(damaged)
      expect(r.encoding).toBe('UTF-8')
      expect(r.text.replace('\uFFFD', '')).toBe(s)
    }
  })
})

describe('decodeText: declared charset', () => {
  it('uses a declared legacy charset', () => {
    expect(decodeText(bytes(RU[0], 'koi8-r'), 'KOI8-R')).toEqual({ text: RU[0], encoding: 'KOI8-R' })
  })

  it('prefers valid multi-byte UTF-8 over a wrong legacy label', () => {
    expect(decodeText(new TextEncoder().encode(FR[0]), 'iso-8859-1')).toEqual({ text: FR[0], encoding: 'UTF-8' })
  })

  it('falls back to detection when "utf-8" is declared for non-UTF-8 bytes', () => {
    expect(decodeText(bytes(RU[1], 'windows-1251'), 'utf-8').encoding).toBe('windows-1251')
  })

  it('reads Russian labelled with a Western default charset as Russian', () => {
    expect(decodeText(bytes(RU[1], 'windows-1251'), 'ISO-8859-1')).toEqual({ text: RU[1], encoding: 'windows-1251' })
    expect(decodeText(bytes(FR[0], 'windows-1252'), 'iso-8859-1')).toEqual({ text: FR[0], encoding: 'windows-1252' })
  })

  it('ignores an unknown label', () => {
    expect(decodeText(new TextEncoder().encode('hello'), 'x-no-such-charset').text).toBe('hello')
  })

  it('lets a BOM win over the declared charset', () => {
    const b = new Uint8Array([0xff, 0xfe, ...iconv.encode('Привет', 'utf16le')])
    expect(decodeText(b, 'windows-1251')).toEqual({ text: 'Привет', encoding: 'UTF-16LE' })
  })
})

describe('decodeText: errors', () => {
  const binary = /^binary or undecodable data — not a text file/
  const empty = /^file is empty/

  it('rejects empty and whitespace-only files', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(empty)
    expect(() => decodeText(new TextEncoder().encode(' \n\t\r\n  '))).toThrow(empty)
    expect(() => decodeText(new Uint8Array([0xef, 0xbb, 0xbf]))).toThrow(empty)
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x20, 0x00]))).toThrow(empty)
  })

  it('rejects binary data', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    expect(() => decodeText(png)).toThrow(binary)
    const noise = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))
    expect(() => decodeText(noise)).toThrow(binary)
    const controls = new Uint8Array(Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41)))
    expect(() => decodeText(controls)).toThrow(binary)
  })

  it('rejects invalid UTF-8 that is no legacy encoding either', () => {
    const invalid = new Uint8Array([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x90, 0x28, 0xbc, 0xf8, 0xa1, 0xa1, 0xa1, 0xa1])
    expect(() => decodeText(invalid)).toThrow(binary)
    const highNoise = new Uint8Array(Array.from({ length: 600 }, (_, i) => 0x80 + ((i * 7919 + 13) % 128)))
    expect(() => decodeText(highNoise)).toThrow(binary)
  })

  it('uses one-line messages', () => {
    try {
      decodeText(new Uint8Array([0, 1, 2, 3]))
    } catch (e) {
      expect((e as Error).name).toBe('ImportError')
      expect((e as Error).message).not.toContain('\n')
    }
  })
})
