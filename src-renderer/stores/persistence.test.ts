import { beforeEach, describe, expect, it } from 'vitest'
import { useExpressionStore } from './expression'
import { STORAGE_KEY } from './persisted-state'
import { usePersistenceStore } from './persistence'
import { freshStores } from '../test-support/stores'
import { useThemeStore } from './theme'
import { useVariablesStore } from './variables'
import { useViewStore } from './view'

beforeEach(() => {
  localStorage.clear()
  freshStores()
})

describe('persistence store', () => {
  it('saves the session and restores it in a fresh app', () => {
    const persistence = usePersistenceStore()
    persistence.start()
    useExpressionStore().text = 'u*v + u^2'
    useVariablesStore().setValue('u', 3)
    useVariablesStore().setWrt('u')
    useViewStore().setDomain(-2, 2)
    useThemeStore().setPreference('dark')
    persistence.save()

    freshStores()
    usePersistenceStore().start()
    expect(useExpressionStore().text).toBe('u*v + u^2')
    expect(useVariablesStore().sliders.u?.value).toBe(3)
    expect(useVariablesStore().chosenWrt).toBe('u')
    expect(useViewStore().domain).toEqual([-2, 2])
    expect(useThemeStore().preference).toBe('dark')
    expect(usePersistenceStore().notice).toBeNull()
  })

  it('restores a saved session whose range is too wide, keeping the default range and saying so', () => {
    const saved = {
      version: 1,
      expression: 'u*v + u^2',
      sliders: { u: { value: 3, min: -5, max: 5, step: 0.1 } },
      wrt: 'u',
      view: { domain: [-1e9, 1e9], yOverride: null, showSecond: false },
      theme: 'dark',
    }
    localStorage.setItem(STORAGE_KEY, JSON.stringify(saved))
    const persistence = usePersistenceStore()
    persistence.start()
    expect(useExpressionStore().text).toBe('u*v + u^2')
    expect(useThemeStore().preference).toBe('dark')
    expect(useViewStore().domain).toEqual([-5, 5])
    expect(persistence.notice).toBe(
      'The plotted range −1e9…1e9 is wider than 1e6 and was not restored.',
    )
  })

  it('says which range was not restored from a session handed to it (a PNG)', async () => {
    const persistence = usePersistenceStore()
    const session = { ...persistence.snapshot, expression: 'x^3' }
    session.view = { ...session.view, domain: [2, 2 + 1e-9] }
    await persistence.restore(session)
    expect(useExpressionStore().text).toBe('x^3')
    expect(persistence.notice).toBe(
      'The plotted range 2…2.000000001 is narrower than 1e-6 and was not restored.',
    )
  })

  it('replaces a damaged session with defaults and says so', () => {
    localStorage.setItem(STORAGE_KEY, '{"version": 1, "expression": 42}')
    const persistence = usePersistenceStore()
    persistence.start()
    expect(persistence.notice).toBe(
      'Started with the default session: the saved session is damaged.',
    )
    expect(useExpressionStore().text).toBe('x^2')
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull()
    persistence.dismissNotice()
    expect(persistence.notice).toBeNull()
  })

  it('restores a session handed to it, such as one read back from an exported PNG', async () => {
    const persistence = usePersistenceStore()
    const session = { ...persistence.snapshot, expression: 'u*v + u^2', wrt: 'u' }
    session.view = { ...session.view, showSecond: true }
    await persistence.restore(session)
    expect(useExpressionStore().validText).toBe('u*v + u^2')
    expect(useExpressionStore().text).toBe('u*v + u^2')
    expect(useViewStore().showSecond).toBe(true)
    expect(persistence.snapshot).toEqual(session)
  })
})
