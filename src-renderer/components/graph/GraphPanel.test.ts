import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { sampleX, sparklineStrip } from '../../../core/graph/sparkline'
import { inProcessApi } from '../../../core/test-support/in-process-api'
import { setCalculusClient } from '../../api/calculus'
import { LABS } from '../../lessons'
import { useExpressionStore } from '../../stores/expression'
import { useGraphStore } from '../../stores/graph'
import { useVariablesStore } from '../../stores/variables'
import GraphFormula from './GraphFormula.vue'
import GraphPanel from './GraphPanel.vue'

/** The panel against the real core, in-process: the graphs it draws are the engine's own. */
beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  setCalculusClient(inProcessApi)
})

async function panelFor(expression: string, point: Record<string, number>) {
  useExpressionStore().setText(expression)
  for (const [name, value] of Object.entries(point)) useVariablesStore().setValue(name, value)
  const wrapper = mount(GraphPanel, { attachTo: document.body })
  await flushPromises()
  await wrapper.get('[data-testid="graph-toggle"]').trigger('click')
  await flushPromises()
  return wrapper
}

const node = (wrapper: Awaited<ReturnType<typeof panelFor>>, name: string) =>
  wrapper.get(`.graph-node[data-name="${name}"]`)
const leaf = (wrapper: Awaited<ReturnType<typeof panelFor>>, label: string) =>
  wrapper.get(`.graph-node.leaf[data-label="${label}"]`)

describe('GraphPanel', () => {
  it('draws one node per op and per leaf, with data and gradient at the point', async () => {
    const wrapper = await panelFor('u*v + u^2', { u: 1, v: 2 })
    expect(wrapper.findAll('.graph-node').map((n) => n.attributes('data-name'))).toEqual([
      'AccumulateGrad',
      'AccumulateGrad',
      'MulBackward0',
      'PowBackward0',
      'AddBackward0',
    ])
    expect(leaf(wrapper, 'u').get('[data-testid="graph-grad"]').text()).toBe('4')
    expect(leaf(wrapper, 'u').attributes('aria-label')).toBe(
      'leaf u, AccumulateGrad: data 1, gradient 4',
    )
    expect(node(wrapper, 'AddBackward0').attributes('aria-label')).toContain('the output')
    wrapper.unmount()
  })

  it('steps the backward pass: the leaf u shows its first share, then the accumulated sum', async () => {
    const wrapper = await panelFor('u*v + u^2', { u: 1, v: 2 })
    await wrapper.get('[data-testid="graph-backward"]').trigger('click')
    const uGrad = () => leaf(wrapper, 'u').get('[data-testid="graph-grad"]').text()
    expect(uGrad()).toBe('—')
    const step = wrapper.get('[data-testid="graph-step"]')
    await step.trigger('click')
    await step.trigger('click')
    expect(uGrad()).toBe('2')
    expect(wrapper.get('[data-testid="graph-explain"]').text()).toContain('u: 1 × 2 = 2')
    await step.trigger('click')
    expect(uGrad()).toBe('4')
    expect(leaf(wrapper, 'v').get('[data-testid="graph-grad"]').text()).toBe('1')
    expect(wrapper.get('[data-testid="graph-explain"]').text()).toContain('accumulated: 2 + 2 = 4')
    expect(step.attributes('disabled')).toBeDefined()
    await wrapper.get('[data-testid="graph-step-back"]').trigger('click')
    expect(uGrad()).toBe('2')
    wrapper.unmount()
  })

  it('updates the numbers in place when a slider moves, keeping the layout', async () => {
    const wrapper = await panelFor('u*v + u^2', { u: 1, v: 2 })
    const graph = useGraphStore()
    const layout = graph.layout
    useVariablesStore().setValue('u', 3)
    await flushPromises()
    expect(leaf(wrapper, 'u').get('[data-testid="graph-grad"]').text()).toBe('8')
    expect(graph.layout).toBe(layout)
    wrapper.unmount()
  })

  it('hovering a node highlights its sub-expression and gives the chart its curve', async () => {
    const wrapper = await panelFor('u*v + u^2', { u: 1, v: 2 })
    useVariablesStore().setWrt('u')
    await flushPromises()
    const graph = useGraphStore()
    // No node focused: the slice graph (for the chart's curve) is not asked for.
    expect(graph.overSlice).toBeNull()
    await node(wrapper, 'PowBackward0').trigger('mouseenter')
    await flushPromises()
    expect(graph.highlight).toEqual([[6, 9]])
    const curve = graph.focusCurve
    expect(curve?.label).toBe('u^2 (PowBackward0)')
    expect(curve?.xs).toHaveLength(201)
    expect(curve?.ys).toEqual(curve?.xs.map((u) => u ** 2))
    await node(wrapper, 'PowBackward0').trigger('mouseleave')
    expect(graph.highlight).toEqual([])
    wrapper.unmount()
  })

  it('gives the chart the focused node’s gradient along the slice when the toggle asks', async () => {
    const wrapper = await panelFor('u*v + u^2', { u: 1, v: 2 })
    useVariablesStore().setWrt('u')
    const graph = useGraphStore()
    await leaf(wrapper, 'u').trigger('click')
    await flushPromises()
    expect(graph.focusCurve?.gradient).toBeNull()
    await wrapper.get('[data-testid="graph-show-gradient"]').setValue(true)
    const curve = graph.focusCurve
    expect(curve?.id).toBe(Number(leaf(wrapper, 'u').attributes('data-node-id')))
    expect(curve?.gradient?.label).toBe('∂f/∂(u)')
    // ∂f/∂u = v + 2u along the slice, v = 2.
    curve?.gradient?.ys.forEach((dfdu, i) => expect(dfdu).toBeCloseTo(2 + 2 * curve.xs[i]!, 9))
    wrapper.unmount()
  })

  it('links the formula: a hovered node marks its part, a clicked part selects its node', async () => {
    const wrapper = await panelFor('u*v + u^2', { u: 1, v: 2 })
    const formula = mount(GraphFormula, {
      props: { expression: 'u*v + u^2', latex: 'u v + u^{2}' },
    })
    await flushPromises()
    const lit = () => formula.findAll('.formula-lit').map((part) => part.attributes('data-span'))
    await node(wrapper, 'PowBackward0').trigger('mouseenter')
    await flushPromises()
    expect(lit()).toEqual(['6-9'])
    await leaf(wrapper, 'u').trigger('mouseenter')
    await flushPromises()
    expect(lit()).toEqual(['0-1', '6-7'])
    await leaf(wrapper, 'u').trigger('mouseleave')

    // The exponent 2 has no node of its own: the click selects the smallest node around it.
    await formula.get('[data-span="8-9"]').trigger('click')
    expect(node(wrapper, 'PowBackward0').attributes('aria-pressed')).toBe('true')
    expect(lit()).toEqual(['6-9'])
    await formula.get('[data-span="2-3"]').trigger('click')
    expect(leaf(wrapper, 'v').attributes('aria-pressed')).toBe('true')
    formula.unmount()
    wrapper.unmount()
  })

  it('shows f plainly while the panel is closed', async () => {
    useExpressionStore().setText('x^2')
    const formula = mount(GraphFormula, { props: { expression: 'x^2', latex: 'x^{2}' } })
    await flushPromises()
    expect(formula.find('[data-span]').exists()).toBe(false)
    expect(formula.text()).toContain('x')
  })

  it('shows the sum trick: the graph ends in SumBackward0 over a linspace', async () => {
    const wrapper = await panelFor('x^2', { x: 2 })
    await wrapper.get('[data-testid="graph-sum-trick"]').setValue(true)
    await flushPromises()
    expect(wrapper.find('.graph-node[data-name="SumBackward0"]').exists()).toBe(true)
    expect(wrapper.text()).toContain('is f′(xᵢ)')
    wrapper.unmount()
  })
})

describe('sparklines of the sum trick', () => {
  it('draws each vector node over the samples, marked at the sample nearest the point', async () => {
    const wrapper = await panelFor('x^2', { x: 2 })
    await wrapper.get('[data-testid="graph-sum-trick"]').setValue(true)
    await flushPromises()
    const pow = node(wrapper, 'PowBackward0')
    expect(leaf(wrapper, 'x').find('[data-testid="graph-sparkline"]').exists()).toBe(true)
    expect(node(wrapper, 'SumBackward0').find('[data-testid="graph-sparkline"]').exists()).toBe(
      false,
    )
    // x = 2 in [-5, 5] over 201 samples is sample 140, where x^2 = 4 and its gradient (from the sum) 1.
    expect(pow.get('[data-testid="graph-data"]').text()).toBe('4 [140/201]')
    const box = useGraphStore().layout!.nodes[Number(pow.attributes('data-node-id'))]!
    const strip = sparklineStrip(box)
    const marker = pow.get('[data-testid="graph-spark-marker-data"]')
    expect(Number(marker.attributes('cx'))).toBeCloseTo(sampleX(strip, 140, 201), 6)
    // x^2 over [-5, 5] reaches its top (25) at the ends: 4 is 4/25 of the way up from the bottom.
    expect(Number(marker.attributes('cy'))).toBeCloseTo(strip.y + strip.height * (1 - 4 / 25), 1)
    expect(pow.find('[data-testid="graph-spark-marker-grad"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid="graph-sample-text"]').text()).toBe('sample 140 of 201, x = 2')
    wrapper.unmount()
  })

  it('moves to the sample the learner picks, and back to the point when the point moves', async () => {
    const wrapper = await panelFor('x^2', { x: 2 })
    await wrapper.get('[data-testid="graph-sum-trick"]').setValue(true)
    await flushPromises()
    await wrapper.get('[data-testid="graph-sample"]').setValue('20')
    const pow = node(wrapper, 'PowBackward0')
    // Sample 20 is x = -4: x^2 = 16.
    expect(pow.get('[data-testid="graph-data"]').text()).toBe('16 [20/201]')
    expect(leaf(wrapper, 'x').get('[data-testid="graph-grad"]').text()).toBe('−8 [20/201]')
    useVariablesStore().setValue('x', 0)
    await flushPromises()
    expect(pow.get('[data-testid="graph-data"]').text()).toBe('0 [100/201]')
    wrapper.unmount()
  })
})

describe('the lab opens the graph', () => {
  it('names an existing plot in every step that opens it, and the steps that build graphs do', () => {
    const steps = LABS.flatMap((lab) => lab.steps)
    const opening = steps.filter((step) => step.graph)
    expect(opening.map((step) => step.id)).toEqual([
      'square-at-2',
      'quadratic-at-2',
      'partials-uv',
      'many-points',
      'relu',
      'practice-uv-squared',
    ])
    for (const step of opening) expect(step.plots[step.graph!.plot]).toBeDefined()
  })
})
