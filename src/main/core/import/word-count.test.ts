import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countWords } from '../articles/repo'
import { countWordsFast } from './word-count'

// Letters and digits of several scripts (astral ones too), the joiners, marks, punctuation, lone surrogates.
const PIECES = ['a', 'Z', '7', 'ё', 'Ж', '҂', '\u0301', '中', '٣', '𝐀', '😀', "'", '’', '-', '--', ' ', '\n', '.', '«', '\u00a0', '\ud800', '\udc00', 'ß', 'ǅ', 'Ⅻ']

describe('word count of imported text', () => {
  it('counts exactly as the library counts, for any mix of scripts, joiners and broken surrogates', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), (parts) => {
        const s = parts.join('')
        expect(countWordsFast(s)).toBe(countWords(s))
      }),
      { numRuns: 5000 }
    )
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        expect(countWordsFast(s)).toBe(countWords(s))
      }),
      { numRuns: 3000 }
    )
  })

  it('classifies every Latin-1 character as the library does (that scan reads a table filled up front)', () => {
    for (let c = 0; c < 0x100; c++) {
      const ch = String.fromCharCode(c)
      for (const s of [`a${ch}b`, `${ch}`, `${ch}${ch} 1${ch}`, `x-${ch}`, `'${ch}'`]) expect(countWordsFast(s), JSON.stringify(s)).toBe(countWords(s))
    }
  })

  it('counts hyphenated and apostrophised words once', () => {
    expect(countWordsFast("l'homme d’État well-known -- dash - Учёные 2024-03-15")).toBe(6)
  })
})
