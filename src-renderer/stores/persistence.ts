import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { savedSession, SCHEMA_VERSION, type PersistedState } from './persisted-state'
import { useExpressionStore } from './expression'
import { useThemeStore } from './theme'
import { useVariablesStore } from './variables'
import { unrestoredDomainNotice, useViewStore } from './view'

const SAVE_DELAY_MS = 150

/** Saves the session as it changes and restores it at start; a bad save becomes a notice, not a crash. */
export const usePersistenceStore = defineStore('persistence', () => {
  const expression = useExpressionStore()
  const variables = useVariablesStore()
  const view = useViewStore()
  const theme = useThemeStore()
  const notice = ref<string | null>(null)
  /** A failed save is an error (it stays on screen); what was restored or reset is a notice. */
  const noticeTone = ref<'notice' | 'error'>('notice')
  let timer: ReturnType<typeof setTimeout> | null = null

  const snapshot = computed<PersistedState>(() => ({
    version: SCHEMA_VERSION,
    expression: expression.text,
    sliders: JSON.parse(JSON.stringify(variables.sliders)),
    wrt: variables.chosenWrt,
    view: { domain: [...view.domain], yOverride: view.yOverride, showSecond: view.showSecond },
    theme: theme.preference,
  }))

  /** Puts a state on screen; what the view refused (a domain too wide or narrow) as a notice, else null. */
  function apply(state: PersistedState): string | null {
    variables.sliders = state.sliders
    variables.setWrt(state.wrt)
    const domainNotice = view.setDomain(...state.view.domain)
      ? null
      : unrestoredDomainNotice(state.view.domain)
    view.setYOverride(state.view.yOverride)
    view.showSecond = state.view.showSecond
    theme.setPreference(state.theme)
    expression.text = state.expression
    return domainNotice
  }

  /** Puts a whole session on screen, such as one carried by an opened PNG, and analyses its function. */
  function restore(state: PersistedState): Promise<void> {
    const unrestored = apply(state)
    if (unrestored !== null) notice.value = unrestored
    return expression.analyze()
  }

  function save(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    if (!savedSession.save(snapshot.value)) {
      notice.value = 'Your session could not be saved (storage is full or unavailable).'
      noticeTone.value = 'error'
    }
  }

  /** Restores the saved session (if any) and starts saving changes. Call once, before the first analyze. */
  function start(): void {
    const outcome = savedSession.load()
    const unrestored =
      outcome.kind === 'restored' || outcome.kind === 'migrated' ? apply(outcome.value) : null
    if (outcome.kind === 'migrated') {
      notice.value = `Your saved session was upgraded from version ${outcome.from}.`
    }
    if (unrestored !== null) {
      notice.value = notice.value === null ? unrestored : `${notice.value} ${unrestored}`
    }
    if (outcome.kind === 'reset') {
      notice.value = `Started with the default session: ${outcome.reason}.`
    }
    watch(
      snapshot,
      () => {
        if (timer !== null) clearTimeout(timer)
        timer = setTimeout(save, SAVE_DELAY_MS)
      },
      { deep: true },
    )
    if (typeof window !== 'undefined') window.addEventListener('pagehide', save)
  }

  function dismissNotice(): void {
    notice.value = null
    noticeTone.value = 'notice'
  }

  return { notice, noticeTone, snapshot, start, save, restore, dismissNotice }
})
