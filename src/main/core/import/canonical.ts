import { defaultTreeAdapter, html as htmlSpec, parseFragment } from 'parse5'
import type { DefaultTreeAdapterMap } from 'parse5'
import { ImportError } from './types'
import { MAX_HTML_CHARS, MAX_NESTING_DEPTH } from './html-limits'
import { BLOCK, escapeAttr, escapeText, wellFormed, type Canonical } from './canonical-text'
import { MIN_RUN_CHARS, restoreRuns, shortenRuns } from './text-runs'

export { BLOCK, escapeAttr, escapeText, wellFormed, type Canonical }

type Node = DefaultTreeAdapterMap['childNode']
type ParentNode = DefaultTreeAdapterMap['parentNode']
type Element = DefaultTreeAdapterMap['element']
type TextNode = DefaultTreeAdapterMap['textNode']



const VOID = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img',
  'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr'
])

/** Text inside these is serialised unescaped, as the HTML serialisation algorithm says. */
const RAW_TEXT = new Set([
  'style', 'script', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript'
])

/** Text put directly inside these would be foster-parented out on re-parse. */
const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup'])

/** Leaves kept when a too-deep subtree is flattened: they carry no text but matter. */
const FLATTEN_KEEP = new Set(['br', 'img'])

const isElement = (n: Node | ParentNode): n is Element => 'tagName' in n
const isText = (n: Node): n is TextNode => n.nodeName === '#text'
const childrenOf = (n: Node): Node[] | null => ('childNodes' in n ? n.childNodes : null)

function makeText(value: string, parent: ParentNode): TextNode {
  return { nodeName: '#text', value, parentNode: parent }
}

/**
 * Parses HTML the way a browser parses `div.innerHTML = html` (parse5 is the spec
 * algorithm), bounds its nesting, separates block elements with "\n", and serialises
 * it so that re-parsing the result yields the same text. Feed it sanitised HTML.
 * `minRun` is the shortest text run parsed through a placeholder (see text-runs.ts;
 * tests vary it to check that placeholders change nothing).
 * @throws ImportError when the HTML is larger than MAX_HTML_CHARS.
 */
export function canonicalize(html: string, minRun = MIN_RUN_CHARS): Canonical {
  if (html.length > MAX_HTML_CHARS) {
    throw new ImportError(
      `document too large (${Math.round(html.length / 1048576)} MB of HTML, limit ${MAX_HTML_CHARS / 1048576} MB) — split it into smaller files`
    )
  }
  const once = canonicalOnce(wellFormed(html), minRun)
  if (!FOSTER_PARENTING.test(html)) return once
  // A table can make the parser move ("foster-parent") content out of it, building
  // trees that no markup spells — e.g. a list item directly inside another. Their
  // serialisation re-parses into a different tree, so it is fed through once more
  // until it reads back as itself (one extra pass in practice; bounded anyway).
  let result = once
  for (let pass = 0; pass < MAX_FOSTER_PASSES; pass++) {
    const again = canonicalOnce(result.html, minRun)
    if (again.html === result.html) break
    result = again
  }
  return result
}

/** Only markup with a table can be foster-parented. */
const FOSTER_PARENTING = /<table/i

/** Passes after the first, for markup with tables; the output is stable after one. */
const MAX_FOSTER_PASSES = 3

function canonicalOnce(html: string, minRun: number): Canonical {
  const context = defaultTreeAdapter.createElement('div', htmlSpec.NS.HTML, [])
  const { html: short, runs } = shortenRuns(html, minRun)
  const fragment = parseFragment(context, short, {})
  if (runs.length > 0) restoreTree(fragment, runs)
  normalise(fragment)
  return serialise(fragment)
}

/** Puts the text runs swapped out by shortenRuns back, in text and attribute values. */
function restoreTree(root: ParentNode, runs: readonly string[]): void {
  const stack: Node[] = [...root.childNodes]
  while (stack.length > 0) {
    const n = stack.pop()!
    if (isText(n)) n.value = restoreRuns(n.value, runs)
    else if (isElement(n)) {
      for (const a of n.attrs) a.value = restoreRuns(a.value, runs)
      for (const k of n.childNodes) stack.push(k)
    }
  }
}


/**
 * One iterative pass: flattens subtrees below MAX_NESTING_DEPTH and inserts block
 * separators. Iterative because parse5's own tree walkers recurse and 10k nested
 * elements overflow the stack.
 */
function normalise(root: ParentNode): void {
  const stack: Array<{ node: ParentNode; depth: number; inPre: boolean }> = [
    { node: root, depth: 0, inPre: false }
  ]
  while (stack.length > 0) {
    const { node, depth, inPre } = stack.pop()!
    const el = isElement(node) ? node : null
    if (el && depth >= MAX_NESTING_DEPTH && !TABLE_STRUCTURE.has(el.tagName)) {
      node.childNodes = flattenChildren(node)
    }
    if (!inPre) node.childNodes = separateBlocks(node)
    for (const child of node.childNodes) {
      if (isElement(child)) {
        stack.push({ node: child, depth: depth + 1, inPre: inPre || child.tagName === 'pre' })
      }
    }
  }
}

/** Replaces a subtree by its text, <br> and <img> leaves, in document order. */
function flattenChildren(parent: ParentNode): Node[] {
  const out: Node[] = []
  const pending: Array<Node | 'block-end'> = [...parent.childNodes].reverse()
  const breakLine = (): void => {
    const last = out[out.length - 1]
    if (last && !(isText(last) && /\s$/.test(last.value))) out.push(makeText('\n', parent))
  }
  while (pending.length > 0) {
    const item = pending.pop()!
    if (item === 'block-end') {
      breakLine()
      continue
    }
    if (isText(item)) {
      item.parentNode = parent
      out.push(item)
    } else if (isElement(item)) {
      if (FLATTEN_KEEP.has(item.tagName)) {
        item.parentNode = parent
        item.childNodes = []
        out.push(item)
        continue
      }
      const block = BLOCK.has(item.tagName)
      if (block) {
        breakLine()
        pending.push('block-end')
      }
      const kids = childrenOf(item)
      if (kids) for (let i = kids.length - 1; i >= 0; i--) pending.push(kids[i])
    }
  }
  return out
}

function startsWithSpace(n: Node): boolean {
  return isText(n) && /^\s/.test(n.value)
}
function endsWithSpace(n: Node): boolean {
  return isText(n) && /\s$/.test(n.value)
}
const breaksBefore = (n: Node): boolean => isElement(n) && BLOCK.has(n.tagName)
const breaksAfter = (n: Node): boolean => isElement(n) && (BLOCK.has(n.tagName) || n.tagName === 'br')

/** Returns the children with "\n" inserted wherever a block boundary has no whitespace. */
function separateBlocks(parent: ParentNode): Node[] {
  const kids = parent.childNodes
  if (kids.length < 2) return kids
  const out: Node[] = [kids[0]]
  for (let i = 1; i < kids.length; i++) {
    const prev = kids[i - 1]
    const cur = kids[i]
    const boundary = breaksAfter(prev) || breaksBefore(cur)
    if (boundary && !endsWithSpace(prev) && !startsWithSpace(cur)) out.push(makeText('\n', parent))
    out.push(cur)
  }
  return out
}


function attrName(a: { name: string; prefix?: string }): string {
  return a.prefix ? `${a.prefix}:${a.name}` : a.name
}

/**
 * The HTML fragment serialisation algorithm, iteratively, with one fix the spec lacks:
 * a <pre> whose text starts with "\n" gets an extra "\n", because the parser drops
 * the first newline after <pre> and the text would otherwise change on re-parse.
 * Comments and template contents are dropped (they are not content). Collects the
 * DOM text on the way.
 */
function serialise(root: ParentNode): Canonical {
  const out: string[] = []
  const text: string[] = []
  const work: Array<Node | string> = [...root.childNodes].reverse()
  while (work.length > 0) {
    const item = work.pop()!
    if (typeof item === 'string') {
      out.push(item)
      continue
    }
    if (isText(item)) {
      const parent = item.parentNode
      const raw = parent !== null && isElement(parent) && RAW_TEXT.has(parent.tagName)
      out.push(raw ? item.value : escapeText(item.value))
      text.push(item.value)
      continue
    }
    if (!isElement(item)) continue
    const tag = item.tagName
    let open = '<' + tag
    for (const a of item.attrs) open += ` ${attrName(a)}="${escapeAttr(a.value)}"`
    open += '>'
    out.push(open)
    if (VOID.has(tag)) continue
    const first = item.childNodes[0]
    if ((tag === 'pre' || tag === 'textarea' || tag === 'listing') && first && isText(first) && first.value.startsWith('\n')) {
      out.push('\n')
    }
    work.push(`</${tag}>`)
    // Template contents are inert and never content; the sanitiser drops them anyway.
    if (tag === 'template') continue
    const kids = item.childNodes
    for (let i = kids.length - 1; i >= 0; i--) work.push(kids[i])
  }
  return { html: out.join(''), text: text.join('') }
}
