/** Where a floating bar goes: above the anchor rectangle, or below it near the top edge, kept inside the window. */
export function floatingStyle(anchor: { top: number; bottom: number; left: number; width: number }, height = 44, width = 360): Record<string, string> {
  const margin = 8
  const above = anchor.top - height - margin
  const top = above > margin ? above : Math.min(anchor.bottom + margin, window.innerHeight - height - margin)
  const centre = anchor.left + anchor.width / 2 - width / 2
  const left = Math.max(margin, Math.min(centre, window.innerWidth - width - margin))
  return { top: `${Math.round(top)}px`, left: `${Math.round(left)}px` }
}
