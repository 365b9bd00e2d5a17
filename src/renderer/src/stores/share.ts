import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ShareSummary } from '@shared/api/share'
import { api, onEvent } from '../api/client'
import type { Picked } from '../import/dropped'
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

  /** Runs one import of a teammate's file; the summary stays for the dialog to show. */
  async function runImport(call: () => Promise<ShareSummary>) {
    const ui = useUiStore()
    running.value = true
    error.value = null
    try {
      summary.value = await call()
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

  /** Imports a teammate's notes file chosen or dropped in the browser (uploaded). */
  async function importFile(file: File) {
    await runImport(async () => api('share.importContent', { name: file.name, base64: await toBase64(file), jobId: crypto.randomUUID() }))
  }

  /** Imports a teammate's notes file on the machine running the core (an Electron drop, a pasted path). */
  async function importPath(path: string) {
    await runImport(() => api('share.importPath', { path, jobId: crypto.randomUUID() }))
  }

  /** Notes files dropped, chosen or pasted, one after another; the dialog shows the last one's summary. */
  async function importPicked(picked: Picked) {
    if (picked.kind === 'paths') for (const p of picked.paths) await importPath(p)
    else for (const f of picked.files) await importFile(f)
  }

  function closeSummary() {
    summary.value = null
  }

  return { identity, loaded, running, summary, error, loadIdentity, saveIdentity, importFile, importPath, importPicked, closeSummary }
})
