import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { Article } from '@shared/model'
import { api } from '../api/client'

/** The article open in the reader. */
export const useReaderStore = defineStore('reader', () => {
  const article = shallowRef<Article | null>(null)
  const error = ref<string | null>(null)

  async function open(id: string) {
    error.value = null
    try {
      article.value = await api('articles.get', { id })
    } catch (e) {
      article.value = null
      error.value = (e as Error).message
    }
  }

  async function saveProgress(progress: number) {
    if (!article.value) return
    await api('articles.setProgress', { id: article.value.id, progress })
  }

  return { article, error, open, saveProgress }
})
