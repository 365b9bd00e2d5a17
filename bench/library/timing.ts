/** Timing helpers of the library benchmark: wall time, CPU time, percentiles. */

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]
}
export const median = (xs: number[]): number => percentile(xs, 50)
export const ms = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1))

/** Wall time of fn in milliseconds. */
export function time(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

/** CPU time of this process (user + system) spent in fn: what the work costs, whatever else the shared machine runs. */
export function cpuTime(fn: () => unknown): number {
  const c = process.cpuUsage()
  fn()
  const d = process.cpuUsage(c)
  return (d.user + d.system) / 1000
}
