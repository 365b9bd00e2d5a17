// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { renderNote } from './markdown'

describe('notes are rendered safely', () => {
  it('renders Markdown formatting and links', () => {
    const html = renderNote('**bold** and [a link](https://example.org)')
    expect(html).toContain('<strong>bold</strong>')
    expect(html).toContain('href="https://example.org"')
  })

  it('HTML and script in a note come out inert', () => {
    const html = renderNote('<img src=x onerror="alert(1)"> <script>alert(2)</script> [x](javascript:alert(3)) <a href="javascript:alert(4)" onclick="x()">y</a>')
    const box = document.createElement('div')
    box.innerHTML = html
    expect(box.querySelector('img, script, [onerror], [onclick]')).toBeNull()
    expect(html).not.toMatch(/javascript:/i)
  })
})
