import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Article } from '@shared/model'
import { api } from '../api/client'
import { fetchArticle, type ArrivingArticle } from './article-content'
import { useLibraryStore } from './library'
import { useUiStore } from './ui'

/**
 * How often the reading position is written while scrolling. Often enough that
 * a crash loses at most a second of reading, rarely enough not to load the core.
 */
export const PROGRESS_SAVE_MS = 1_000

/** The article open in the reader, its reading position, and moving between articles. */
export const useReaderStore = defineStore('reader', () => {
  /** The open article; of a book, perhaps only its beginning until `whole()` resolves. */
  const article = shallowRef<Article | null>(null)
  /** The whole article, when `article` is its beginning (not reactive: the view hands it to the reader session). */
  let rest: (() => Promise<Article>) | null = null
  let restDecoded: Promise<Article> | null = null
  let isPartial = false
  let resumeAt: ArrivingArticle['resume'] = null
  let contentAsked: Promise<void> = Promise.resolve()
  const error = ref<string | null>(null)
  const loading = ref(false)
  /** Fraction of the text above the reading position, 0–1, as last reported by the view. */
  const progress = ref(0)
  let generation = 0
  let pending: { id: string; progress: number } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined

  async function open(id: string) {
    performance.mark('reader:open')
    const gen = ++generation
    rest = null
    restDecoded = null
    isPartial = false
    resumeAt = null
    flushProgress()
    loading.value = true
    error.value = null
    let asked!: () => void
    contentAsked = new Promise((r) => (asked = r))
    try {
      const partWay = (useLibraryStore().items.find((a) => a.id === id)?.progress ?? 0) > 0
      const arriving = await fetchArticle(id, { partWay, sent: asked })
      if (gen !== generation) return
      performance.mark('reader:article-received')
      if (!arriving.rest) performance.mark('reader:article-whole')
      const a = arriving.article
      article.value = a
      progress.value = a.progress
      resumeAt = arriving.resume
      const more = arriving.rest
      isPartial = more !== null
      rest = more
        ? () =>
            (restDecoded ??= more().then((whole) => {
              performance.mark('reader:article-whole')
              if (gen === generation) isPartial = false
              // Keep what changed meanwhile (the article note).
              if (gen === generation && article.value) article.value = { ...article.value, html: whole.html, text: whole.text }
              return whole
            }))
        : null
    } catch (e) {
      if (gen !== generation) return
      article.value = null
      error.value = (e as Error).message
    } finally {
      asked()
      if (gen === generation) loading.value = false
    }
  }

  /** Records the reading position; written at most every PROGRESS_SAVE_MS, and on flush. */
  function reportProgress(p: number) {
    if (!article.value) return
    progress.value = p
    pending = { id: article.value.id, progress: p }
    timer ??= setTimeout(flushProgress, PROGRESS_SAVE_MS)
  }

  function flushProgress() {
    clearTimeout(timer)
    timer = undefined
    if (!pending) return
    const p = pending
    pending = null
    api('articles.setProgress', p).catch((e: Error) => useUiStore().notify(`Reading position not saved: ${e.message}`, 'error'))
  }

  /**
   * When `article` is only the beginning of the open article: decodes the rest
   * (call when the page has time for it) and resolves with the whole. Null when
   * `article` is whole.
   */
  function whole(): Promise<Article> | null {
    return rest ? rest() : null
  }

  /**
   * Resolves once the requests for the part of the article that paints first are
   * sent: the server answers in arrival order, so what is asked after waits less.
   */
  const contentRequested = (): Promise<void> => contentAsked
  /** Whether `article` is only part of the open article. */
  const partial = (): boolean => isPartial
  /** Of an article reopened part-way: where its part begins, and the saved position as a text offset (see fetchArticle). */
  const resume = (): ArrivingArticle['resume'] => resumeAt

  function setNoteLocally(note: string) {
    if (article.value) article.value = { ...article.value, note }
  }

  /** The article before or after this one in the library list, if any. */
  function neighbour(step: -1 | 1): string | null {
    const items = useLibraryStore().items
    const i = items.findIndex((a) => a.id === article.value?.id)
    if (i < 0) return null
    return items[i + step]?.id ?? null
  }

  function close() {
    flushProgress()
    generation++
    rest = null
    restDecoded = null
    article.value = null
  }

  return { article, error, loading, progress, open, contentRequested, whole, partial, resume, reportProgress, flushProgress, setNoteLocally, neighbour, close }
})
