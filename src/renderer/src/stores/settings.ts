import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { api } from '../api/client'

export type Theme = 'system' | 'light' | 'dark' | 'sepia'

/** Preferences kept in the library, so the app and browser mode share them. */
export const useSettingsStore = defineStore('settings', () => {
  const theme = ref<Theme>('system')
  const loaded = ref(false)

  async function load() {
    const all = await api('settings.get', {})
    if (all.theme) theme.value = all.theme as Theme
    loaded.value = true
  }

  watch(theme, (t) => {
    document.documentElement.dataset.theme = t
    if (loaded.value) void api('settings.set', { key: 'theme', value: t })
  })

  return { theme, load }
})
