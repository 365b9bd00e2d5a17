/**
 * Import progress for people: the pipeline reports every file, which for a folder of
 * 100k files would be 100k events through IPC or server-sent events. This passes on
 * the first report, the last, every failure count change, and otherwise at most one
 * report per interval.
 */
import type { ImportProgress } from '../../../shared/model'

/** A progress bar redrawn ten times a second looks continuous. */
export const PROGRESS_INTERVAL_MS = 100

type Progress = Omit<ImportProgress, 'jobId'>

/** Wraps `emit` so that it is called at most once per interval, plus at the start, the end and on failures. */
export function throttleProgress(emit: (p: Progress) => void, intervalMs = PROGRESS_INTERVAL_MS): (p: Progress) => void {
  let last = -Infinity
  let failed = 0
  return (p) => {
    const now = performance.now()
    const final = p.current === null
    if (final || p.done === 0 || p.failed !== failed || now - last >= intervalMs) {
      last = now
      failed = p.failed
      emit(p)
    }
  }
}
