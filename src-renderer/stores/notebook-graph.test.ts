import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import type { NotebookGraphRequest, NotebookGraphResult } from '../../core/protocol/notebook'
import { ok, type Result } from '../../core/protocol/result'
import { setNotebookKernel } from '../notebook/kernel'
import { createFakeKernel, type FakeKernel } from '../test-support/fake-kernel'
import { useNotebookStore } from './notebook'
import { useNotebookGraphStore } from './notebook-graph'

/** A graph the held kernel answers with: one leaf named after the request, so answers can be told apart. */
const leafGraph = (name: string): NotebookGraphResult => ({
  name,
  dtype: 'float32',
  variables: [name],
  nodes: [
    {
      id: 0,
      kind: 'leaf',
      name: 'AccumulateGrad',
      label: name,
      spans: [],
      constants: [],
      shape: [],
      value: [1],
      gradient: [1],
      inputs: [],
      source: null,
    },
  ],
  output: 0,
  steps: [],
  backward: { status: 'ran', seed: 'one' },
})

let kernel: FakeKernel
/** notebookGraph requests waiting for the test to answer them, in order. */
let held: { request: NotebookGraphRequest; answer: (result: Result<NotebookGraphResult>) => void }[]
beforeEach(() => {
  setActivePinia(createPinia())
  kernel = createFakeKernel()
  held = []
  kernel.notebookGraph = (request) => new Promise((answer) => held.push({ request, answer }))
  setNotebookKernel(kernel)
  localStorage.clear()
})
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the notebook graph store', () => {
  it("asks the notebook's session for the name, and keeps only the newest answer", async () => {
    const view = useNotebookGraphStore()
    const first = view.show('notebook', 'c0', 'u')
    const second = view.show('notebook', 'c0', 'f')
    expect(held.map((h) => h.request)).toEqual([
      { session: 'notebook', name: 'u' },
      { session: 'notebook', name: 'f' },
    ])
    held[1]!.answer(ok(leafGraph('f')))
    held[0]!.answer(ok(leafGraph('u')))
    await Promise.all([first, second])
    expect(view.graph?.name).toBe('f')
    expect(view.layout?.nodes).toHaveLength(1)
  })

  it("shows the core's sentence when there is no graph, and clears everything on close", async () => {
    const view = useNotebookGraphStore()
    kernel.notebookGraph = createFakeKernel().notebookGraph
    await view.show('notebook', 'c0', 'q')
    expect(view.problem).toBe("NameError: name 'q' is not defined")
    view.close()
    expect([view.cellId, view.name, view.graph, view.problem]).toEqual([null, null, null, null])
  })

  it('is asked again after every cell the notebook runs, and closed by Restart', async () => {
    const notebook = useNotebookStore()
    notebook.cells = [{ id: 'c0', kind: 'code', source: 'f', executionCount: null, outputs: [] }]
    kernel.answer = (_source, count) => ({
      executionCount: count,
      status: 'ok',
      outputs: [],
      tensors: ['f'],
    })
    const view = useNotebookGraphStore()
    await notebook.run('c0')
    expect(notebook.graphNames).toEqual({ c0: ['f'] })
    expect(held).toHaveLength(0) // nothing open, nothing asked
    void view.show('notebook', 'c0', 'f')
    await notebook.run('c0')
    await flush()
    expect(held.map((h) => h.request.name)).toEqual(['f', 'f'])
    await notebook.restart()
    expect(notebook.graphNames).toEqual({})
    expect(view.name).toBeNull()
  })
})
