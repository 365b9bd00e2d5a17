import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeHtml, metaCharset } from './html-charset'

const latin = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'))

describe('HTML charset sniffing', () => {
  it('finds <meta charset> and http-equiv declarations in the first 1024 bytes', () => {
    expect(metaCharset(latin('<meta charset="windows-1251">'))).toBe('windows-1251')
    expect(metaCharset(latin("<META CHARSET='koi8-r'/>"))).toBe('koi8-r')
    expect(metaCharset(latin('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-5">'))).toBe('iso-8859-5')
    expect(metaCharset(latin('<meta content="text/html;charset=cp1251" http-equiv=content-type>'))).toBe('windows-1251')
  })

  it('ignores declarations in comments, past 1024 bytes, unknown, or claiming UTF-16', () => {
    expect(metaCharset(latin('<!-- <meta charset="koi8-r"> --><p>'))).toBeNull()
    expect(metaCharset(latin(' '.repeat(1024) + '<meta charset="koi8-r">'))).toBeNull()
    expect(metaCharset(latin('<meta charset="no-such-charset">'))).toBeNull()
    expect(metaCharset(latin('<meta charset="utf-16">'))).toBe('utf-8')
  })

  it('prefers BOM, then the transport charset, then <meta>', () => {
    const cyr = iconv.encode('<meta charset="koi8-r"><p>Привет</p>', 'win1251')
    expect(decodeHtml(cyr, 'windows-1251')).toEqual({ text: '<meta charset="koi8-r"><p>Привет</p>', encoding: 'windows-1251' })
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>hé</p>', 'utf16le')])
    expect(decodeHtml(utf16, 'windows-1251').text).toBe('<p>hé</p>')
  })

  it('guesses UTF-8, then a Cyrillic code page, then windows-1252 when nothing is declared', () => {
    expect(decodeHtml(new TextEncoder().encode('<p>日本語</p>')).encoding).toBe('utf-8')
    const russian = 'Съешь же ещё этих мягких французских булок, да выпей чаю. '.repeat(5)
    expect(decodeHtml(iconv.encode(`<p>${russian}</p>`, 'win1251')).text).toContain('французских')
    expect(decodeHtml(iconv.encode(`<p>${russian}</p>`, 'koi8-r'))).toMatchObject({ encoding: 'koi8-r' })
    expect(decodeHtml(iconv.encode('<p>Короткий текст.</p>', 'win1251')).text).toBe('<p>Короткий текст.</p>')
    expect(decodeHtml(iconv.encode('<p>“quoted” — café</p>', 'win1252'))).toEqual({ text: '<p>“quoted” — café</p>', encoding: 'windows-1252' })
  })
})
