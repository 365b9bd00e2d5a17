import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ShareSummary } from '@shared/api/share'
import { api, onEvent } from '../api/client'
import { useAnnotationsStore } from './annotations'
import { useUiStore } from './ui'

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`cannot read ${file.name}`))
    reader.readAsDataURL(file)
  })
}

/**
 * Team sharing: the user's name (written as creator on their notes and
 * exports), importing a teammate's JSON-LD or .scholia file, and what the
 * last import did.
 */
export const useShareStore = defineStore('share', () => {
  const identity = ref('')
  const loaded = ref(false)
  const running = ref(false)
  const summary = ref<ShareSummary | null>(null)
  const error = ref<string | null>(null)

  async function loadIdentity() {
    if (loaded.value) return
    const all = await api('settings.get', {})
    identity.value = all.identity ?? ''
    loaded.value = true
  }

  async function saveIdentity(name: string) {
    const value = name.trim()
    if (value === identity.value) return
    await api('settings.set', { key: 'identity', value })
    identity.value = value
  }

  onEvent('settings.changed', ({ key, value }) => {
    if (key === 'identity') identity.value = value
  })

  /** Imports a teammate's notes file; the summary stays for the dialog to show. */
  async function importFile(file: File) {
    const ui = useUiStore()
    running.value = true
    error.value = null
    try {
      const s = await api('share.importContent', { name: file.name, base64: await toBase64(file), jobId: crypto.randomUUID() })
      summary.value = s
      // The open article may have gained a teammate's highlights.
      const notes = useAnnotationsStore()
      if (notes.articleId) await notes.load(notes.articleId)
    } catch (e) {
      error.value = (e as Error).message
      ui.notify((e as Error).message, 'error')
    } finally {
      running.value = false
    }
  }

  function closeSummary() {
    summary.value = null
  }

  return { identity, loaded, running, summary, error, loadIdentity, saveIdentity, importFile, closeSummary }
})
