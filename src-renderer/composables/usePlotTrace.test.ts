import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h } from 'vue'
import { inProcessApi } from '../../core/test-support/in-process-api'
import { setCalculusClient } from '../api/calculus'
import PlotTextAlternative from '../components/PlotTextAlternative.vue'
import type { PracticeStep } from '../lessons/types'
import { useExpressionStore } from '../stores/expression'
import { useLabPracticeStore } from '../stores/lab-practice'
import { useViewStore } from '../stores/view'
import { createFakeAudio } from '../test-support/fake-audio'
import { settle } from '../test-support/stores'
import { useChartScene } from './useChartScene'
import { TRACE_SAMPLES, usePlotTrace, type PlotTrace } from './usePlotTrace'

beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  setCalculusClient(inProcessApi)
})

/** The trace of x² over −5…5 at x = 2 (the default view), with a recording fake for Web Audio. */
async function setup() {
  const audio = createFakeAudio()
  let trace!: PlotTrace
  const Host = defineComponent({
    setup() {
      trace = usePlotTrace(useChartScene(), () => audio.context)
      return () => h(PlotTextAlternative, { trace })
    },
  })
  const wrapper = mount(Host)
  await useExpressionStore().setText('x^2')
  await settle()
  return { wrapper, trace, audio }
}

const key = (name: string, shiftKey = false) =>
  new KeyboardEvent('keydown', { key: name, shiftKey, cancelable: true })

describe('the plot for everyone', () => {
  it('describes the plot in words, with a table of the samples', async () => {
    const { wrapper } = await setup()
    // 1600 samples (two per pixel of the 800 px default), none exactly at 0: the turn is between two.
    expect(useViewStore().domain).toEqual([-5, 5])
    expect(wrapper.get('[data-testid="plot-summary"]').text()).toBe(
      'f(x) = x^2, plotted for x from −5 to 5. f falls from x = −5 to −0.00313, then rises from x = −0.00313 to 5. Its values lie between 9.78e−6 and 25. At the point x = 2: f = 4, f′ = 4.',
    )
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(TRACE_SAMPLES)
    expect(rows[0]?.findAll('th, td').map((cell) => cell.text())).toEqual(['−5', '25', '−10'])
    expect(wrapper.get('.plot-table').attributes('tabindex')).toBe('0')
  })

  it('steps through the samples with the keys once T is pressed, sounding and announcing each', async () => {
    const { wrapper, trace, audio } = await setup()
    // Before T, the arrows are the chart's (pan).
    expect(trace.onKeydown(key('ArrowRight'))).toBe(false)
    expect(trace.onKeydown(key('t'))).toBe(true)
    expect(trace.announcement).toContain('Audio trace on.')
    expect(trace.onKeydown(key('ArrowRight'))).toBe(true)
    await settle()
    expect(wrapper.get('[data-testid="trace-announcement"]').text()).toBe(
      'Sample 2 of 51: x = −4.8, f = 23.04, f′ = −9.6, falling',
    )
    expect(wrapper.find('tbody tr[aria-current="true"]').find('th').text()).toBe('−4.8')
    const notes = () => audio.events.filter((event) => event.kind === 'frequency')
    expect(notes()).toHaveLength(1)
    trace.onKeydown(key('ArrowRight', true))
    expect(trace.index).toBe(11)
    trace.onKeydown(key('End'))
    trace.onKeydown(key('Home'))
    expect(trace.index).toBe(0)
    // The samples straddle x = 0: the first one right of it is where f′ has changed sign.
    while (!trace.announcement.includes('turning point') && trace.index < 50) {
      trace.onKeydown(key('ArrowRight'))
    }
    expect(trace.announcement).toMatch(
      /^Sample 26 of 51: x = 0\.003127, .*, rising, turning point$/,
    )
    trace.onKeydown(key('Escape'))
    expect([trace.active, trace.announcement]).toEqual([false, 'Audio trace off.'])
  })

  it('plays the whole curve with P, the button, and stops again', async () => {
    const { wrapper, trace, audio } = await setup()
    await wrapper.get('[data-testid="trace-play"]').trigger('click')
    expect(trace.playing).toBe(true)
    const tone = audio.events.filter((event) => event.node === 0 && event.kind === 'frequency')
    expect(tone).toHaveLength(TRACE_SAMPLES)
    expect(wrapper.get('[data-testid="trace-play"]').text()).toBe('Stop the sound')
    trace.onKeydown(key('t'))
    trace.onKeydown(key('p'))
    expect(trace.playing).toBe(true)
    trace.onKeydown(key('p'))
    expect([trace.playing, trace.announcement]).toEqual([false, 'Stopped.'])
  })

  it('leaves the slopes out while a practice question asks for them', async () => {
    const { wrapper, trace } = await setup()
    const practice = useLabPracticeStore()
    const step = {
      id: 'p',
      title: '',
      summary: '',
      explanation: [],
      torch: '',
      plots: [],
      stated: [],
      practice: {
        question: '',
        expression: 'x^2',
        point: { x: 2 },
        variable: 'x',
        tolerance: 1e-3,
        hint: '',
        solution: [],
      },
    } as PracticeStep
    practice.enter(step)
    await settle()
    expect(wrapper.get('[data-testid="plot-summary"]').text()).toContain(
      'At the point x = 2: f = 4.',
    )
    expect(wrapper.findAll('thead th')).toHaveLength(2)
    trace.onKeydown(key('t'))
    trace.onKeydown(key('Home'))
    expect(trace.announcement).toBe('Sample 1 of 51: x = −5, f = 25, falling')
  })
})
