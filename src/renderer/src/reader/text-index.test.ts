// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { TextIndex } from './text-index'

function build(html: string) {
  const root = document.createElement('div')
  root.innerHTML = html
  return { root, index: TextIndex.fromRoot(root) }
}

describe('text offsets ↔ DOM positions', () => {
  it('maps every offset to a DOM point and back', () => {
    const { root, index } = build('<p>Hello <b>brave</b> world</p><p>again 👩🏽‍🔬</p>')
    expect(index.text()).toBe('Hello brave worldagain 👩🏽‍🔬')
    for (let o = 0; o <= index.length; o++) {
      const p = index.locate(o)!
      expect(index.offsetOf(p.node, p.offset, root)).toBe(o)
    }
  })

  it('a range boundary between two nodes starts in the next node and ends in the previous one', () => {
    const { index } = build('<p>ab<b>cd</b></p>')
    expect(index.locate(2, 'forward')).toEqual({ node: index.nodes(0)[1], offset: 0 })
    expect(index.locate(2, 'backward')).toEqual({ node: index.nodes(0)[0], offset: 2 })
    expect(index.range(1, 3)!.toString()).toBe('bc')
  })

  it('element boundary points map to the text that follows them', () => {
    const { root, index } = build('<p>ab</p><p><img alt="x">cd</p>')
    const p2 = root.children[1]
    expect(index.offsetOf(p2, 0, root)).toBe(2)
    expect(index.offsetOf(p2, 1, root)).toBe(2)
    expect(index.offsetOf(p2, 2, root)).toBe(4)
    expect(index.offsetOf(root, 2, root)).toBe(4)
    expect(index.offsetOf(document.body, 0, root)).toBeNull()
  })

  it('parts indexed out of order still map exactly, and parts not yet shown map to nothing', () => {
    const a = document.createElement('p')
    a.innerHTML = 'one <i>two</i>'
    const c = document.createElement('p')
    c.textContent = 'four'
    const index = new TextIndex(20)
    index.add(12, [c.firstChild as Text])
    index.add(0, Array.from(a.childNodes).flatMap((n) => (n.nodeType === 3 ? [n as Text] : [n.firstChild as Text])))
    expect(index.text()).toBe('one twofour')
    expect(index.locate(5)).toEqual({ node: a.querySelector('i')!.firstChild, offset: 1 })
    expect(index.locate(13)).toEqual({ node: c.firstChild, offset: 1 })
    expect(index.locate(9)).toBeNull()
    expect(index.staticRange(8, 14)).toBeNull()
  })
})
