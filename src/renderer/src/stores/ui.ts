import { defineStore } from 'pinia'
import { ref } from 'vue'

export type View = 'library' | 'reader'

export interface Toast {
  id: number
  kind: 'info' | 'error'
  text: string
}

/** Which view is showing, and the messages the user should see. */
export const useUiStore = defineStore('ui', () => {
  const view = ref<View>('library')
  const articleId = ref<string | null>(null)
  /** Set with openArticle when the reader should scroll to (and flash) this annotation; the reader clears it once done. */
  const focusAnnotationId = ref<string | null>(null)
  const toasts = ref<Toast[]>([])
  let nextToast = 1

  function openArticle(id: string, annotationId: string | null = null) {
    articleId.value = id
    focusAnnotationId.value = annotationId
    view.value = 'reader'
  }

  function showLibrary() {
    view.value = 'library'
  }

  function notify(text: string, kind: Toast['kind'] = 'info', ms = 6_000) {
    const id = nextToast++
    toasts.value.push({ id, kind, text })
    setTimeout(() => dismiss(id), ms)
  }

  function dismiss(id: number) {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  return { view, articleId, focusAnnotationId, toasts, openArticle, showLibrary, notify, dismiss }
})
