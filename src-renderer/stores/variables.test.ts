import { beforeEach, describe, expect, it } from 'vitest'
import { useExpressionStore } from './expression'
import { freshStores } from '../test-support/stores'
import { useVariablesStore } from './variables'

beforeEach(() => {
  freshStores()
})

describe('variables store', () => {
  it('always shows x, u and v, at the lab starting point', () => {
    const variables = useVariablesStore()
    expect(variables.shown).toEqual(['x', 'u', 'v'])
    expect(variables.point).toEqual({ x: 2, u: 1, v: 2 })
  })

  it('adds a slider for any other letter the function uses', async () => {
    const variables = useVariablesStore()
    await useExpressionStore().setText('a*x')
    expect(variables.shown).toEqual(['x', 'u', 'v', 'a'])
    expect(variables.sliders.a).toEqual({ value: 1, min: -5, max: 5, step: 0.1 })
  })

  it('widens the range for a typed value outside it, and rejects non-numbers', () => {
    const variables = useVariablesStore()
    variables.setValue('x', 12)
    expect(variables.sliders.x).toMatchObject({ value: 12, max: 12 })
    variables.setValue('x', NaN)
    expect(variables.sliders.x?.value).toBe(12)
  })

  it('accepts only ranges with min < max and positive steps, clamping the value', () => {
    const variables = useVariablesStore()
    expect(variables.setRange('x', 3, 1)).toBe(false)
    expect(variables.setRange('x', -1, 1)).toBe(true)
    expect(variables.sliders.x?.value).toBe(1)
    expect(variables.setStep('x', 0)).toBe(false)
    expect(variables.setStep('x', 0.5)).toBe(true)
  })

  it('refuses a step larger than the range, and a range narrower than the step', () => {
    const variables = useVariablesStore()
    expect(variables.setStep('x', 20)).toBe(false)
    expect(variables.sliders.x?.step).toBe(0.1)
    expect(variables.setStep('x', 2)).toBe(true)
    expect(variables.setRange('x', 0, 1)).toBe(false)
    expect([variables.sliders.x?.min, variables.sliders.x?.max]).toEqual([-5, 5])
  })

  it('plots a letter of the new function when it does not use the plotted one', async () => {
    const variables = useVariablesStore()
    await useExpressionStore().setText('u*v + u^2')
    expect(variables.wrt).toBe('u')
    variables.setWrt('v')
    await useExpressionStore().setText('a*x')
    expect(variables.wrt).toBe('a')
  })

  it('falls back to x when the plotted letter leaves the function', async () => {
    const variables = useVariablesStore()
    await useExpressionStore().setText('a*x')
    variables.setWrt('a')
    expect(variables.wrt).toBe('a')
    await useExpressionStore().setText('x^2')
    expect(variables.wrt).toBe('x')
  })
})
