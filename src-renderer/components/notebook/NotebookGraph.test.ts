import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { setNotebookKernel } from '../../notebook/kernel'
import { useNotebookStore } from '../../stores/notebook'
import { inPageNotebookKernel } from '../../test-support/in-page-kernel'
import { freshStores, settle } from '../../test-support/stores'
import CellOutputs from './CellOutputs.vue'
import NotebookView from './NotebookView.vue'

/** The real interpreter (core/notebook) runs the cells and builds the graphs. */
beforeEach(() => {
  localStorage.clear()
  freshStores()
  setNotebookKernel(inPageNotebookKernel())
})

const F_CELL =
  'import torch\nu = torch.tensor(1.0, requires_grad=True)\nv = torch.tensor(2.0, requires_grad=True)\nf = u * v + u ** 2'

function mountWith(...sources: string[]) {
  const notebook = useNotebookStore()
  notebook.cells = sources.map((source, i) => ({
    id: `c${i}`,
    kind: 'code',
    source,
    executionCount: null,
    outputs: [],
  }))
  return mount(NotebookView, { attachTo: document.body })
}
type Wrapper = ReturnType<typeof mountWith>

async function run(wrapper: Wrapper, index: number): Promise<void> {
  await wrapper.findAll('[data-testid="nb-run"]')[index]!.trigger('click')
  await settle()
}
const showGraph = async (wrapper: Wrapper, name: string) => {
  await wrapper.get(`[data-testid="nb-show-graph"][data-name="${name}"]`).trigger('click')
  await settle()
}
const buttons = (wrapper: Wrapper) =>
  wrapper.findAll('[data-testid="nb-show-graph"]').map((b) => b.text())
const leafLabel = (wrapper: Wrapper, label: string) =>
  wrapper
    .get(`[data-testid="nb-graph"] .graph-node.leaf[data-label="${label}"]`)
    .attributes('aria-label')

describe('CellOutputs', () => {
  it('offers one keyboard-reachable "Show graph" button per tensor, even with no other output', async () => {
    const wrapper = mount(CellOutputs, {
      props: { outputs: [], cellId: 'a', tensors: ['u', 'f'], shownGraph: 'f' },
    })
    const found = wrapper.findAll('button[data-testid="nb-show-graph"]')
    expect(
      found.map((b) => [b.text(), b.attributes('aria-label'), b.attributes('aria-pressed')]),
    ).toEqual([
      ['u', 'Show the computation graph of u', 'false'],
      ['f', 'Show the computation graph of f', 'true'],
    ])
    await found[0]!.trigger('click')
    expect(wrapper.emitted('graph')).toEqual([['u']])
  })

  it('offers nothing where the cell bound no tensor', () => {
    const wrapper = mount(CellOutputs, { props: { outputs: [], cellId: 'a' } })
    expect(wrapper.find('[data-testid="nb-outputs"]').exists()).toBe(false)
  })
})

describe('the notebook graph view', () => {
  it("opens f's graph under its cell: PyTorch's nodes, the leaves u and v with gradients 4 and 1", async () => {
    const wrapper = mountWith(F_CELL)
    await run(wrapper, 0)
    expect(buttons(wrapper)).toEqual(['u', 'v', 'f'])
    await showGraph(wrapper, 'f')
    const view = wrapper.get('[data-testid="nb-graph"]')
    expect(view.get('h3').text()).toBe('Computation graph of f')
    expect(document.activeElement).toBe(view.get('h3').element)
    expect(
      view
        .findAll('.graph-node')
        .map((n) => n.attributes('data-name'))
        .sort(),
    ).toEqual(['AccumulateGrad', 'AccumulateGrad', 'AddBackward0', 'MulBackward0', 'PowBackward0'])
    expect(leafLabel(wrapper, 'u')).toBe('leaf u, AccumulateGrad: data 1, gradient 4')
    expect(leafLabel(wrapper, 'v')).toBe('leaf v, AccumulateGrad: data 2, gradient 1')
    expect(view.get('[data-testid="nb-graph-note"]').text()).toContain(
      'leaves every .grad as it was',
    )
    wrapper.unmount()
  })

  it('steps through the backward pass the core observed, u accumulating its two shares', async () => {
    const wrapper = mountWith(F_CELL)
    await run(wrapper, 0)
    await showGraph(wrapper, 'f')
    const step = () => wrapper.get('[data-testid="nb-graph-step"]').trigger('click')
    const explain = () => wrapper.get('[data-testid="nb-graph-explain"]').text()
    expect(explain()).toContain('The whole backward pass: 3 steps.')
    await step()
    expect(explain()).toContain('Backward: step 1 of 3')
    expect(explain()).toContain('AddBackward0 (u * v + u ** 2) received ∂f/∂out = 1')
    expect(leafLabel(wrapper, 'u')).toBe('leaf u, AccumulateGrad: data 1, gradient —')
    await step()
    await step()
    expect(explain()).toContain('already had a share; accumulated: 2 + 2 = 4')
    expect(leafLabel(wrapper, 'u')).toBe('leaf u, AccumulateGrad: data 1, gradient 4')
    wrapper.unmount()
  })

  it('says the pass is unavailable after backward() freed the graph, showing no gradient', async () => {
    const wrapper = mountWith(F_CELL, 'f.backward()')
    await run(wrapper, 0)
    await showGraph(wrapper, 'f')
    expect(leafLabel(wrapper, 'u')).toContain('gradient 4')
    // Running the next cell frees the graph; the open view is asked again and says so.
    await run(wrapper, 1)
    const note = wrapper.get('[data-testid="nb-graph-note"]').text()
    expect(note).toContain('The backward pass is not available')
    expect(note).toContain('Trying to backward through the graph a second time')
    expect(leafLabel(wrapper, 'u')).toBe('leaf u, AccumulateGrad: data 1, gradient —')
    expect(wrapper.find('[data-testid="nb-graph-step"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it("shows a vector's numbers one sample at a time, seeded with ones (the sum trick)", async () => {
    const wrapper = mountWith(
      'import torch\nx = torch.linspace(-2, 2, 5, requires_grad=True)\nY = x ** 2',
    )
    await run(wrapper, 0)
    await showGraph(wrapper, 'Y')
    expect(wrapper.get('[data-testid="nb-graph-note"]').text()).toContain(
      'seeded with ones (the sum trick)',
    )
    expect(leafLabel(wrapper, 'x')).toBe('leaf x, AccumulateGrad: data −2, gradient −4')
    await wrapper.get('[data-testid="nb-graph-sample"]').setValue('3')
    expect(leafLabel(wrapper, 'x')).toBe('leaf x, AccumulateGrad: data 1, gradient 2')
    await wrapper.get('[data-testid="nb-graph-step"]').trigger('click')
    expect(wrapper.get('[data-testid="nb-graph-explain"]').text()).toContain(
      '→ x: 1 [3/5] × 2 [3/5] = 2 [3/5]',
    )
    wrapper.unmount()
  })

  it('closes with Escape or Close, and a second click on the same name', async () => {
    const wrapper = mountWith(F_CELL)
    await run(wrapper, 0)
    await showGraph(wrapper, 'f')
    await wrapper.get('[data-testid="nb-graph"]').trigger('keydown', { key: 'Escape' })
    expect(wrapper.find('[data-testid="nb-graph"]').exists()).toBe(false)
    await showGraph(wrapper, 'u')
    expect(wrapper.findAll('[data-testid="nb-graph"] .graph-node')).toHaveLength(1)
    await showGraph(wrapper, 'u')
    expect(wrapper.find('[data-testid="nb-graph"]').exists()).toBe(false)
    await showGraph(wrapper, 'v')
    await wrapper.get('[data-testid="nb-graph-close"]').trigger('click')
    expect(wrapper.find('[data-testid="nb-graph"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('forgets every graph on Restart, since every variable is gone', async () => {
    const wrapper = mountWith(F_CELL)
    await run(wrapper, 0)
    await showGraph(wrapper, 'f')
    await wrapper.get('[data-testid="nb-restart"]').trigger('click')
    await settle()
    expect(buttons(wrapper)).toEqual([])
    expect(wrapper.find('[data-testid="nb-graph"]').exists()).toBe(false)
    wrapper.unmount()
  })

  it('says why there is no graph once the name holds no tensor', async () => {
    const wrapper = mountWith(F_CELL, 'n = 1')
    await run(wrapper, 0)
    await showGraph(wrapper, 'f')
    useNotebookStore().setSource('c1', 'f = 3')
    await run(wrapper, 1)
    expect(wrapper.get('[data-testid="nb-graph-problem"]').text()).toBe(
      "TypeError: 'f' is a int, not a Tensor: only a tensor has a graph",
    )
    wrapper.unmount()
  })
})
