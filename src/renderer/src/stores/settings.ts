import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { api, onEvent } from '../api/client'
import { DEFAULT_PREFS, parsePrefs, type ReaderPrefs } from '../reader/typography'

export const THEMES = ['system', 'light', 'dark', 'sepia'] as const
export type Theme = (typeof THEMES)[number]

/** Preferences kept in the library, so the app and browser mode share them. */
export const useSettingsStore = defineStore('settings', () => {
  const theme = ref<Theme>('system')
  const reader = ref<ReaderPrefs>({ ...DEFAULT_PREFS })
  const loaded = ref(false)
  const error = ref<string | null>(null)
  /** What the library holds, so loading does not write the same values back. */
  const stored: Record<string, string | undefined> = {}

  async function load() {
    const all = await api('settings.get', {})
    Object.assign(stored, all)
    if (all.theme && (THEMES as readonly string[]).includes(all.theme)) theme.value = all.theme as Theme
    reader.value = parsePrefs(all.reader)
    loaded.value = true
  }

  async function save(key: 'theme' | 'reader', value: string) {
    if (!loaded.value || stored[key] === value) return
    stored[key] = value
    try {
      await api('settings.set', { key, value })
      error.value = null
    } catch (e) {
      error.value = `Could not save the ${key} setting: ${(e as Error).message}`
    }
  }

  watch(
    theme,
    (t) => {
      document.documentElement.dataset.theme = t
      void save('theme', t)
    },
    { immediate: true }
  )
  watch(reader, (p) => void save('reader', JSON.stringify(p)), { deep: true })

  // View › Theme in the desktop menu writes the setting in the main process.
  onEvent('settings.changed', ({ key, value }) => {
    stored[key] = value
    if (key === 'theme' && (THEMES as readonly string[]).includes(value)) theme.value = value as Theme
  })

  function setReader(patch: Partial<ReaderPrefs>) {
    reader.value = { ...reader.value, ...patch }
  }

  return { theme, reader, loaded, error, load, setReader }
})
