import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ResolvedTheme } from '../../core/picture/palette'

export type ThemePreference = 'system' | 'light' | 'dark'
export const THEME_PREFERENCES: readonly ThemePreference[] = ['system', 'light', 'dark']

const DARK_QUERY = '(prefers-color-scheme: dark)'

/** Light or dark: follows the system unless the learner picked one. */
export const useThemeStore = defineStore('theme', () => {
  const preference = ref<ThemePreference>('system')
  const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null
  const systemDark = ref(media?.matches ?? false)
  media?.addEventListener('change', (event) => {
    systemDark.value = event.matches
  })

  const resolved = computed<ResolvedTheme>(() => {
    if (preference.value === 'system') return systemDark.value ? 'dark' : 'light'
    return preference.value
  })

  function setPreference(next: ThemePreference): void {
    preference.value = next
  }

  /** The toggle: flips what is on screen, leaving "system" for an explicit choice. */
  function toggle(): void {
    preference.value = resolved.value === 'dark' ? 'light' : 'dark'
  }

  return { preference, systemDark, resolved, setPreference, toggle }
})
