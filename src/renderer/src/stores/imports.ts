import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ImportDone } from '@shared/api/imports'
import type { ImportOutcome, ImportProgress } from '@shared/model'
import { api, onEvent } from '../api/client'
import type { Picked } from '../import/dropped'
import { pickedCount, splitShared } from '../import/shared-notes'
import { batches, tooBig, toUpload } from '../import/upload'
import { useShareStore } from './share'
import { useUiStore } from './ui'

/** A pasted line that is nothing but a web address. */
const BARE_URL = /^https?:\/\/\S+$/i

/**
 * Imports, from this window or from the native menu: progress (counts, current file),
 * cancel, and the list of what failed and why once a job ends.
 */
export const useImportStore = defineStore('imports', () => {
  const progress = ref<ImportProgress | null>(null)
  const failures = ref<ImportOutcome[]>([])
  const running = ref(false)
  let jobId: string | null = null
  /** Files of earlier upload batches, so the counts run over the whole import. */
  let offset = { done: 0, failed: 0, total: 0 }
  let cancelled = false
  /** True while this window's own calls run; their result, not the done event, ends them. */
  let ownJob = false

  onEvent('import.progress', (p) => {
    // A job this window did not start (the native menu): show it all the same.
    if (!running.value && p.current !== null) {
      running.value = true
      jobId = p.jobId
      offset = { done: 0, failed: 0, total: p.total }
      failures.value = []
    }
    if (p.jobId !== jobId) return
    progress.value = { ...p, done: offset.done + p.done, failed: offset.failed + p.failed, total: Math.max(offset.total, offset.done + p.total) }
  })

  onEvent('import.done', (d: ImportDone) => {
    if (d.jobId !== jobId || !running.value || ownJob) return
    finish(d.imported, d.failures, d.cancelled)
  })

  function finish(imported: number, failed: ImportOutcome[], wasCancelled: boolean) {
    failures.value = failed
    running.value = false
    progress.value = null
    jobId = null
    const note = `${imported} article(s) imported${failed.length ? `, ${failed.length} failed` : ''}${wasCancelled ? ' — cancelled' : ''}`
    useUiStore().notify(note, failed.length ? 'error' : 'info')
  }

  /** Runs one or more API calls as one import, with shared counts and one final report. */
  async function run(total: number, calls: Array<(id: string) => Promise<ImportOutcome[]>>, earlyFailures: ImportOutcome[] = []) {
    if (running.value) {
      useUiStore().notify('an import is running — wait for it to finish or cancel it', 'error')
      return
    }
    running.value = true
    ownJob = true
    cancelled = false
    failures.value = []
    offset = { done: earlyFailures.length, failed: earlyFailures.length, total }
    const outcomes: ImportOutcome[] = [...earlyFailures]
    try {
      for (const call of calls) {
        if (cancelled) break
        jobId = crypto.randomUUID()
        progress.value = { jobId, done: offset.done, total, current: null, failed: offset.failed }
        const out = await call(jobId)
        outcomes.push(...out)
        offset = { done: offset.done + out.length, failed: outcomes.filter((o) => 'error' in o).length, total }
      }
    } catch (e) {
      useUiStore().notify((e as Error).message, 'error')
    } finally {
      ownJob = false
      const failed = outcomes.filter((o) => 'error' in o)
      finish(outcomes.length - failed.length, failed, cancelled)
    }
  }

  /**
   * Files from the chooser or a drop: by path in Electron (folders too), uploaded in the browser.
   * A teammate's notes (.jsonld, .scholia) go to the sharing importer, after the articles.
   */
  async function importPicked(all: Picked) {
    const { notes, articles } = splitShared(all)
    await importArticles(articles)
    if (pickedCount(notes)) await useShareStore().importPicked(notes)
  }

  async function importArticles(picked: Picked) {
    if (picked.kind === 'paths') {
      if (picked.paths.length === 0) return
      await run(picked.paths.length, [async (id) => (await api('import.paths', { paths: picked.paths, jobId: id })).outcomes])
      return
    }
    const files = picked.files
    if (files.length === 0) return
    const refused: ImportOutcome[] = []
    const ok: File[] = []
    for (const f of files) {
      const why = tooBig(f)
      if (why) refused.push({ file: f.name, error: why })
      else ok.push(f)
    }
    const calls = batches(ok).map((batch) => async (id: string) => {
      const uploads = await Promise.all(batch.map(toUpload))
      return (await api('import.content', { files: uploads, jobId: id })).outcomes
    })
    await run(files.length, calls, refused)
  }

  async function importFiles(files: File[]) {
    await importPicked({ kind: 'files', files })
  }

  /** Pasted text or HTML becomes an article; a pasted bare web address is fetched instead. */
  async function importText(name: string, text: string) {
    const line = text.trim()
    if (BARE_URL.test(line)) return importUrl(line)
    await importFiles([new File([text], name, { type: 'text/plain' })])
  }

  /** A page on the web, fetched by the core. An address without a scheme gets https://. */
  async function importUrl(address: string) {
    const url = /^[a-z][a-z0-9+.-]*:/i.test(address.trim()) ? address.trim() : `https://${address.trim()}`
    await run(1, [async (id) => (await api('import.url', { url, jobId: id })).outcomes])
  }

  async function cancel() {
    cancelled = true
    if (jobId) await api('import.cancel', { jobId })
  }

  function dismissFailures() {
    failures.value = []
  }

  return { progress, failures, running, importPicked, importFiles, importText, importUrl, cancel, dismissFailures }
})
