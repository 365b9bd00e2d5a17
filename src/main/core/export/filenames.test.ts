import { describe, expect, it } from 'vitest'
import { FileNamer, insideFolder, MAX_STEM_BYTES, safeStem } from './filenames'

describe('file names from titles', () => {
  it('keep readable titles as they are, Cyrillic included', () => {
    expect(safeStem('Reading the ice')).toBe('Reading the ice')
    expect(safeStem('Ледники отступают — «итоги»')).toBe('Ледники отступают — «итоги»')
  })

  it('replace path separators and characters Windows or Obsidian refuse', () => {
    expect(safeStem('a/b\\c:d*e?f"g<h>i|j#k^l[m]n')).toBe('a b c d e f g h i j k l m n')
    expect(safeStem('tab\there\nnewline')).toBe('tab here newline')
  })

  it('never make Windows device names, hidden files or names ending in a dot or space', () => {
    expect(safeStem('CON')).toBe('_CON')
    expect(safeStem('nul.txt')).toBe('_nul.txt')
    expect(safeStem('com1')).toBe('_com1')
    expect(safeStem('Console')).toBe('Console')
    expect(safeStem('..hidden')).toBe('hidden')
    expect(safeStem('ends with dots... ')).toBe('ends with dots')
    expect(safeStem('   ')).toBe('Untitled')
    expect(safeStem('../../etc/passwd')).toBe('etc passwd')
  })

  it('drop invisible and direction-changing characters that could disguise a name', () => {
    expect(safeStem('invoice\u202Efdp.exe')).toBe('invoicefdp.exe')
    expect(safeStem('zero\u200Bwidth')).toBe('zerowidth')
  })

  it('cut long titles to a safe length without splitting a character', () => {
    const stem = safeStem('Ж'.repeat(200) + '😀'.repeat(50))
    expect(Buffer.byteLength(stem)).toBeLessThanOrEqual(MAX_STEM_BYTES)
    expect(stem).toBe('Ж'.repeat(75))
    const emoji = safeStem('😀'.repeat(100))
    expect(emoji.length % 2).toBe(0)
    expect(emoji).toMatch(/^(😀)+$/u)
  })

  it('are unique within a folder, ignoring case and Unicode normalisation as macOS and Windows do', () => {
    const n = new FileNamer()
    expect(n.name('Notes', 'md')).toBe('Notes.md')
    expect(n.name('notes', 'md')).toBe('notes (2).md')
    expect(n.name('NOTES', 'md')).toBe('NOTES (3).md')
    expect(n.name('Cafe\u0301', 'md')).toBe('Café.md')
    expect(n.name('Café', 'md')).toBe('Café (2).md')
    expect(n.name('taken', 'md', (name) => name !== 'taken.md')).toBe('taken (2).md')
  })

  it('refuse any name that would leave the chosen folder', () => {
    expect(insideFolder('/tmp/out', 'a.md')).toBe('/tmp/out/a.md')
    expect(() => insideFolder('/tmp/out', '../a.md')).toThrow(/leave the export folder/)
    expect(() => insideFolder('/tmp/out', 'sub/a.md')).toThrow(/leave the export folder/)
    expect(() => insideFolder('/tmp/out', '/etc/passwd')).toThrow(/leave the export folder/)
  })
})
