import { computed, shallowRef } from 'vue'
import { COLORS, type Annotation, type Color } from '@shared/model'
import { useAnnotationsStore } from '../stores/annotations'
import { useReaderStore } from '../stores/reader'
import { useUiStore } from '../stores/ui'
import { charOffsetAt } from './caret'
import { startTiming } from './marks'
import { copyText, formatQuote } from './quote'
import type { ReaderSession } from './session'
import type { useSelection } from './use-selection'

type Rect = { top: number; bottom: number; left: number; width: number }

export interface PopoverState {
  id: string
  rect: Rect
  focus: 'note' | 'tags' | null
}

/** Annotations that cover `offset`, shortest first (the most specific one is usually meant). */
export function annotationsAt(items: readonly Annotation[], offset: number): Annotation[] {
  return items
    .filter((a) => !a.orphaned && a.start <= offset && offset < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start))
}

/**
 * What the reader does with selections and highlights: create (in a colour, with a
 * note or tags), copy as a quote, open a highlight for editing from a click, and
 * re-attach an orphan. The stores do the saving.
 */
export function useAnnotate(session: () => ReaderSession | null, selection: ReturnType<typeof useSelection>) {
  const annotations = useAnnotationsStore()
  const reader = useReaderStore()
  const ui = useUiStore()
  const lastColor = shallowRef<Color>('yellow')
  const popover = shallowRef<PopoverState | null>(null)
  const chooser = shallowRef<{ choices: Annotation[]; rect: Rect } | null>(null)
  /** An orphan waiting for the user to select its new place. */
  const reattachId = shallowRef<string | null>(null)
  let busy = false

  const popoverAnnotation = computed(() => (popover.value ? annotations.items.find((a) => a.id === popover.value!.id) ?? null : null))

  /** Highlights the selection; refuses, with the reason, a selection that cannot be. */
  async function highlight(color: Color = lastColor.value, then: 'note' | 'tags' | null = null): Promise<Annotation | null> {
    const r = selection.check()
    if (!r.ok) {
      ui.notify(r.reason, 'error')
      return null
    }
    // A second press while the first is being saved must not make a duplicate.
    if (busy) return null
    busy = true
    const rect = selection.current.value?.rect ?? { top: 200, bottom: 220, left: 200, width: 0 }
    lastColor.value = color
    selection.clear()
    const shown = startTiming('highlight')
    try {
      const pending = annotations.create({ start: r.start, end: r.end, exact: r.exact, color })
      void shown()
      const saved = await pending
      if (saved && then) popover.value = { id: saved.id, rect, focus: then }
      return saved
    } finally {
      busy = false
    }
  }

  function highlightNumbered(key: string) {
    const c = COLORS[Number(key) - 1]
    if (c) void highlight(c)
  }

  async function copyQuote(exact?: string) {
    const article = reader.article
    const text = exact ?? (selection.check().ok ? selection.current.value?.exact : undefined)
    if (!article || !text) {
      ui.notify('Select some words to copy as a quote.', 'error')
      return
    }
    try {
      await copyText(formatQuote(text, article))
      ui.notify('Quote copied with its source.')
    } catch (e) {
      ui.notify((e as Error).message, 'error')
    }
  }

  /** A click in the text: opens the highlight under it, or offers a choice when several overlap there. */
  function clickAt(x: number, y: number): boolean {
    const s = session()
    if (!s) return false
    const offset = charOffsetAt(x, y, s.index, s.body)
    if (offset === null) return false
    if (annotations.spans) {
      // Painted, but their details are still on the way: open once they are in.
      if (!annotations.paintable.some((a) => a.start <= offset && offset < a.end)) return false
      void annotations.whenListed().then(() => session() === s && clickAt(x, y))
      return true
    }
    const hits = annotationsAt(annotations.items, offset)
    const rect = { top: y - 10, bottom: y + 10, left: x, width: 0 }
    if (hits.length === 0) return false
    if (hits.length === 1) open(hits[0], rect)
    else chooser.value = { choices: hits, rect }
    return true
  }

  function open(a: Annotation, rect: Rect, focus: PopoverState['focus'] = null) {
    chooser.value = null
    popover.value = { id: a.id, rect, focus }
  }

  /** Opens a highlight from the side panel: scroll to it, flash it, then edit. */
  async function openFromList(a: Annotation) {
    const s = session()
    if (!s) return
    const done = startTiming('jump')
    await s.jumpTo(a)
    await done()
    const box = s.index.range(a.start, a.end)?.getBoundingClientRect()
    open(a, box ? { top: box.top, bottom: box.bottom, left: box.left, width: box.width } : { top: 120, bottom: 140, left: 300, width: 0 })
  }

  async function remove(id: string) {
    popover.value = null
    await annotations.remove(id)
  }

  /** Moves an orphan to the selected text, or asks for a selection first. */
  async function reattach(a?: Annotation) {
    const id = a?.id ?? reattachId.value
    if (!id) return
    const r = selection.check()
    if (!r.ok) {
      reattachId.value = id
      ui.notify('Select the new place of this highlight in the article, then press Re-attach here.')
      return
    }
    reattachId.value = null
    selection.clear()
    const saved = await annotations.update(id, { range: { start: r.start, end: r.end } })
    if (saved) ui.notify('Highlight re-attached.')
  }

  function closeAll(): boolean {
    if (chooser.value || popover.value) {
      chooser.value = null
      popover.value = null
      return true
    }
    return false
  }

  return { lastColor, popover, popoverAnnotation, chooser, reattachId, highlight, highlightNumbered, copyQuote, clickAt, open, openFromList, remove, reattach, closeAll }
}
