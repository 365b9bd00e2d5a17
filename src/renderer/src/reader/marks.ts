import { afterNextPaint } from './frames'

/**
 * User-timing marks the reader leaves for the benchmark and for anyone profiling:
 * `reader:<name>` measures from an action to the frame that shows its result.
 */
export function startTiming(name: string): () => Promise<void> {
  const start = `reader:${name}:start`
  performance.mark(start)
  return async () => {
    await afterNextPaint()
    performance.mark(`reader:${name}:end`)
    performance.measure(`reader:${name}`, start, `reader:${name}:end`)
  }
}

/** Measures from the last `reader:open` mark to the frame after now. */
export async function measureFromOpen(name: string): Promise<void> {
  await afterNextPaint()
  performance.mark(`reader:${name}`)
  try {
    performance.measure(`reader:open→${name}`, 'reader:open', `reader:${name}`)
  } catch {
    // No open mark (the view was reused): nothing to measure from.
  }
}
