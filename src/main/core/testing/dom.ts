/**
 * Stored HTML as the reader's DOM sees it, for tests of the import path: a real
 * DOM (jsdom) in Node, so "what the browser makes of it" is checked, not guessed.
 */
import { createRequire } from 'node:module'

// jsdom ships no types and this project compiles without the DOM lib: describe the
// little of it the tests use.
/** An element of the test DOM. */
export interface DomElement {
  innerHTML: string
  localName: string
  namespaceURI: string | null
  attributes: Iterable<{ name: string }>
  getAttribute(name: string): string | null
  querySelectorAll(selector: string): Iterable<DomElement>
}
interface DomWindow {
  document: {
    createElement(tag: string): DomElement
    createTreeWalker(root: DomElement, show: number): { nextNode(): unknown; currentNode: { data?: string } }
  }
  NodeFilter: { SHOW_TEXT: number }
}

let window: DomWindow | null = null

function dom(): DomWindow {
  if (!window) {
    const { JSDOM } = createRequire(import.meta.url)('jsdom') as { JSDOM: new (html: string) => { window: DomWindow } }
    window = new JSDOM('').window
  }
  return window
}

/** What the reader does with stored HTML: innerHTML of a div in a real DOM. */
export function renderHtml(html: string): DomElement {
  const div = dom().document.createElement('div')
  div.innerHTML = html
  return div
}

/** The text the reader's DOM yields from stored HTML: every text node, in document order. */
export function browserText(html: string): string {
  const w = dom()
  const walker = w.document.createTreeWalker(renderHtml(html), w.NodeFilter.SHOW_TEXT)
  let text = ''
  while (walker.nextNode()) text += walker.currentNode.data ?? ''
  return text
}
