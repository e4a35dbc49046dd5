import { beforeEach, describe, expect, it } from 'vitest'
import { usePlotSessionStore } from './plot-session'
import { freshStores, settle } from '../test-support/stores'
import { DEFAULT_DOMAIN, useViewStore } from './view'
import { useExpressionStore } from './expression'
import { useEvaluationStore } from './evaluation'
import { SAMPLING_KEY } from './saved-sampling'

beforeEach(() => localStorage.clear())

describe('the plot session', () => {
  it.each([
    [[-1e9, 1e9], 'The plotted range −1e9…1e9 is wider than 1e6 and was not restored.'],
    [[0, 1e-7], 'The plotted range 0…1e-7 is narrower than 1e-6 and was not restored.'],
  ] as [[number, number], string][])(
    'restores the rest of a plot whose range %j the view refuses, and says what was not restored',
    async (domain, notice) => {
      freshStores()
      const plots = usePlotSessionStore()
      await plots.load({
        expression: 'x^3',
        point: { x: 1 },
        wrt: 'x',
        domain,
        yRange: null,
        samples: null,
        showSecond: false,
      })
      await settle()
      expect(plots.notice).toBe(notice)
      expect(useViewStore().domain).toEqual(DEFAULT_DOMAIN)
      expect(plots.current()).toMatchObject({ expression: 'x^3', domain: DEFAULT_DOMAIN })
    },
  )

  it('says nothing when the whole plot was restored', async () => {
    freshStores()
    const plots = usePlotSessionStore()
    await plots.load({
      expression: 'x',
      point: { x: 0 },
      wrt: 'x',
      domain: [-1e6 / 2, 1e6 / 2],
      yRange: null,
      samples: null,
      showSecond: false,
    })
    expect(plots.notice).toBeNull()
  })

  it('loads a lab plot into the explorer and reads it back the same', async () => {
    freshStores()
    const plots = usePlotSessionStore()
    const session = {
      expression: 'x^2',
      point: { x: 2, u: 1, v: 2 },
      wrt: 'x',
      domain: [-10, 10] as [number, number],
      yRange: null,
      samples: 10,
      showSecond: false,
    }
    await plots.load(session)
    await settle()
    expect(plots.current()).toEqual(session)
    expect(useEvaluationStore().request).toMatchObject({ samples: 10, domain: [-10, 10] })
  })

  it('restores the f″ toggle of a reopened PNG, and reads it back for the next export', async () => {
    freshStores()
    const plots = usePlotSessionStore()
    const view = useViewStore()
    const session = {
      expression: 'x^3',
      point: { x: 1 },
      wrt: 'x',
      domain: [-2, 2] as [number, number],
      yRange: null,
      samples: null,
      showSecond: true,
    }
    await plots.load(session)
    expect(view.showSecond).toBe(true)
    expect(plots.current()).toMatchObject({ expression: 'x^3', showSecond: true })
    await plots.load({ ...session, showSecond: false })
    expect(view.showSecond).toBe(false)
  })

  it('returns to smooth sampling when the learner types another function', async () => {
    freshStores()
    const plots = usePlotSessionStore()
    const view = useViewStore()
    await plots.load({
      expression: 'relu(x)',
      point: { x: 1.5 },
      wrt: 'x',
      domain: [-3, 3],
      yRange: [-1, 4],
      samples: 100,
      showSecond: false,
    })
    expect(view.samples).toBe(100)
    await useExpressionStore().setText('relu(x) + 1')
    expect(view.fixedSamples).toBeNull()
    expect(view.samples).toBe(view.plotWidth * 2)
    expect(view.setFixedSamples(1)).toBe(false)
  })

  it('plots a partial along the variable asked for, even when the function is new', async () => {
    freshStores()
    const plots = usePlotSessionStore()
    await plots.load({
      expression: 'u*v + u^2',
      point: { u: 1, v: 2 },
      wrt: 'v',
      domain: [-3, 5],
      yRange: null,
      samples: null,
      showSecond: false,
    })
    await settle()
    expect(plots.current()).toMatchObject({ wrt: 'v', point: { u: 1, v: 2 } })
  })

  it('brings a lab step’s sample count back after a restart, if its function and range came back', async () => {
    freshStores()
    await usePlotSessionStore().load({
      expression: 'x^2',
      point: { x: 2 },
      wrt: 'x',
      domain: [-10, 10],
      yRange: null,
      samples: 10,
      showSecond: false,
    })
    await settle()
    const restart = async (text: string, domain: [number, number]) => {
      freshStores()
      useExpressionStore().text = text
      useViewStore().setDomain(...domain)
      usePlotSessionStore()
      return useViewStore().fixedSamples
    }
    expect(await restart('x^2', [-5, 5])).toBeNull()
    expect(await restart('x^3', [-10, 10])).toBeNull()
    expect(await restart('x^2', [-10, 10])).toBe(10)
  })

  it('brings back a sample count saved by the first build, without a version', async () => {
    // The first build's format, copied from localStorage: no version field.
    localStorage.setItem(SAMPLING_KEY, '{"expression":"x^2","domain":[-10,10],"samples":10}')
    freshStores()
    useExpressionStore().text = 'x^2'
    useViewStore().setDomain(-10, 10)
    expect(usePlotSessionStore().notice).toBeNull()
    expect(useViewStore().fixedSamples).toBe(10)
  })

  it('returns to smooth curves with a notice when the saved sample count is damaged', () => {
    localStorage.setItem(
      SAMPLING_KEY,
      '{"version":1,"expression":"x^2","domain":[-10,10],"samples":1.5}',
    )
    freshStores()
    const plots = usePlotSessionStore()
    expect(plots.notice).toBe('Returned to smooth curves: the saved sample count is damaged.')
    expect(useViewStore().fixedSamples).toBeNull()
    expect(localStorage.getItem(SAMPLING_KEY)).toBeNull()
    plots.dismissNotice()
    expect(plots.notice).toBeNull()
  })
})
