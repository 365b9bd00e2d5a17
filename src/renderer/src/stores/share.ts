import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
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

/** What importing one teammate's file did: its summary, or why it was refused. */
export interface ShareOutcome {
  file: string
  summary?: ShareSummary
  error?: string
}

/** The last segment of a path, on any platform. */
const baseName = (path: string) => path.split(/[\\/]/).pop() || path

/**
 * Team sharing: the user's name (written as creator on their notes and
 * exports), importing a teammate's JSON-LD or .scholia file, and what the
 * last import (of one or several files) did.
 */
export const useShareStore = defineStore('share', () => {
  const identity = ref('')
  const loaded = ref(false)
  const running = ref(false)
  const results = ref<ShareOutcome[]>([])
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

  /** Runs one import of a teammate's file and adds its summary (or its error) to the results the dialog shows. */
  async function runOne(file: string, call: () => Promise<ShareSummary>) {
    running.value = true
    error.value = null
    try {
      const summary = await call()
      results.value = [...results.value, { file, summary }]
    } catch (e) {
      const message = (e as Error).message
      error.value = message
      results.value = [...results.value, { file, error: message }]
      useUiStore().notify(message, 'error')
    } finally {
      running.value = false
    }
  }

  /** After the last file of a batch: the open article may have gained a teammate's highlights. */
  async function refreshOpenArticle() {
    const notes = useAnnotationsStore()
    if (notes.articleId) await notes.load(notes.articleId)
  }

  const uploadOne = (file: File) =>
    runOne(file.name, async () => api('share.importContent', { name: file.name, base64: await toBase64(file), jobId: crypto.randomUUID() }))
  const pathOne = (path: string) => runOne(baseName(path), () => api('share.importPath', { path, jobId: crypto.randomUUID() }))

  /** Imports a teammate's notes file chosen or dropped in the browser (uploaded). */
  async function importFile(file: File) {
    results.value = []
    await uploadOne(file)
    await refreshOpenArticle()
  }

  /** Imports a teammate's notes file on the machine running the core (an Electron drop, a pasted path). */
  async function importPath(path: string) {
    results.value = []
    await pathOne(path)
    await refreshOpenArticle()
  }

  /**
   * Notes files dropped, chosen or pasted, one after another; a file that fails does not
   * stop the others, and the dialog shows every file's summary or error.
   */
  async function importPicked(picked: Picked) {
    results.value = []
    if (picked.kind === 'paths') for (const p of picked.paths) await pathOne(p)
    else for (const f of picked.files) await uploadOne(f)
    await refreshOpenArticle()
  }

  /** Whether the summary dialog has something to show: any summary, or more than one file's outcome. */
  const showResults = computed(() => results.value.some((r) => r.summary) || results.value.length > 1)

  function closeSummary() {
    results.value = []
  }

  return { identity, loaded, running, results, showResults, error, loadIdentity, saveIdentity, importFile, importPath, importPicked, closeSummary }
})
