import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ImportOutcome, ImportProgress } from '@shared/model'
import { api, onEvent } from '../api/client'
import { useUiStore } from './ui'

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`cannot read ${file.name}`))
    reader.readAsDataURL(file)
  })
}

/** Imports started from the UI: progress, cancel, and the list of what failed. */
export const useImportStore = defineStore('imports', () => {
  const progress = ref<ImportProgress | null>(null)
  const failures = ref<ImportOutcome[]>([])
  const running = ref(false)
  let jobId: string | null = null

  onEvent('import.progress', (p) => {
    if (p.jobId === jobId || jobId === null) progress.value = p
  })

  async function importFiles(files: File[]) {
    if (files.length === 0) return
    const ui = useUiStore()
    running.value = true
    failures.value = []
    jobId = crypto.randomUUID()
    progress.value = { jobId, done: 0, total: files.length, current: files[0].name, failed: 0 }
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await toBase64(f) })))
      const report = await api('import.content', { files: payload, jobId })
      failures.value = report.outcomes.filter((o) => 'error' in o)
      const ok = report.outcomes.length - failures.value.length
      ui.notify(`${ok} article(s) imported${failures.value.length ? `, ${failures.value.length} failed` : ''}`)
    } catch (e) {
      ui.notify((e as Error).message, 'error')
    } finally {
      running.value = false
      progress.value = null
      jobId = null
    }
  }

  async function importText(name: string, text: string) {
    await importFiles([new File([text], name, { type: 'text/plain' })])
  }

  async function cancel() {
    if (jobId) await api('import.cancel', { jobId })
  }

  return { progress, failures, running, importFiles, importText, cancel }
})
