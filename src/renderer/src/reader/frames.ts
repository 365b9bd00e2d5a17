/**
 * Resolves once the next frame has been rendered: requestAnimationFrame runs just
 * before the frame's style, layout and paint, and the task it queues runs after
 * them. Used to yield between chunks of work and to time "visible on screen".
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}
