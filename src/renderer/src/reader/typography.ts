/** The reader's typography, stored as JSON in the 'reader' setting. */
export interface ReaderPrefs {
  font: 'serif' | 'sans'
  /** Body text size in CSS pixels. */
  fontSize: number
  /** Line height as a multiple of the font size. */
  lineHeight: number
  /** Column width in rem. */
  width: number
}

/** Bounds and steps of each setting: [min, max, step]. */
export const FONT_SIZE = [13, 32, 1] as const
export const LINE_HEIGHT = [1.2, 2.4, 0.1] as const
export const COLUMN_WIDTH = [30, 70, 4] as const

export const DEFAULT_PREFS: ReaderPrefs = { font: 'serif', fontSize: 19, lineHeight: 1.6, width: 42 }

function clamp(v: unknown, [min, max, step]: readonly [number, number, number], fallback: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) return fallback
  const snapped = Math.round((v - min) / step) * step + min
  return Math.round(Math.min(max, Math.max(min, snapped)) * 100) / 100
}

/** Reads stored prefs, keeping every valid field and defaulting the rest (old or hand-edited values never break the reader). */
export function parsePrefs(json: string | undefined | null): ReaderPrefs {
  let raw: Record<string, unknown> = {}
  try {
    const v: unknown = json ? JSON.parse(json) : {}
    if (v && typeof v === 'object') raw = v as Record<string, unknown>
  } catch {
    // Unreadable: defaults.
  }
  return {
    font: raw.font === 'sans' ? 'sans' : 'serif',
    fontSize: clamp(raw.fontSize, FONT_SIZE, DEFAULT_PREFS.fontSize),
    lineHeight: clamp(raw.lineHeight, LINE_HEIGHT, DEFAULT_PREFS.lineHeight),
    width: clamp(raw.width, COLUMN_WIDTH, DEFAULT_PREFS.width)
  }
}

/** One step up or down within a setting's bounds. */
export function step(value: number, bounds: readonly [number, number, number], direction: 1 | -1): number {
  return clamp(value + direction * bounds[2], bounds, value)
}

/** CSS custom properties the reader column reads (see styles/reader.css). */
export function prefsStyle(p: ReaderPrefs): Record<string, string> {
  return {
    '--reader-size': `${p.fontSize}px`,
    '--reader-line': String(p.lineHeight),
    '--reader-width': `${p.width}rem`,
    '--reader-face': p.font === 'sans' ? 'var(--ui-font)' : 'var(--reader-font)'
  }
}
