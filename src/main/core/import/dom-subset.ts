/**
 * The structural subset of linkedom's DOM that the HTML and EPUB parsers use. Typed
 * here rather than through linkedom's own types, which do not describe the objects
 * it returns closely enough for strict TypeScript.
 */
export interface El {
  tagName: string
  textContent: string | null
  innerHTML: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): Iterable<El>
  replaceWith(node: El): void
  remove(): void
}

/** A parsed document, as far as the parsers use it. */
export interface Doc {
  querySelector(selector: string): El | null
  querySelectorAll(selector: string): Iterable<El>
  createElement(tag: string): El
  body?: El | null
}
