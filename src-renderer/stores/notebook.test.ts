import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { readNotebook, writeNotebook } from '../../core/ipynb'
import { requestDiagnostic } from '../../core/protocol/diagnostics'
import { fail } from '../../core/protocol/result'
import { setNotebookKernel } from '../notebook/kernel'
import { createFakeKernel, type FakeKernel } from '../test-support/fake-kernel'
import { useNotebookStore } from './notebook'
import { NOTEBOOK_STATE_KEY, savedNotebook } from './notebook-state'

let kernel: FakeKernel
beforeEach(() => {
  setActivePinia(createPinia())
  kernel = createFakeKernel()
  setNotebookKernel(kernel)
  localStorage.clear()
})

function withCells(...sources: string[]) {
  const notebook = useNotebookStore()
  notebook.cells = sources.map((source, i) => ({
    id: `c${i}`,
    kind: 'code' as const,
    source,
    executionCount: null,
    outputs: [],
  }))
  return notebook
}

describe('the notebook store', () => {
  it('runs a cell in the notebook session after a restart, and shows In [n] and its output', async () => {
    const notebook = withCells('a = 1', 'a')
    await notebook.run('c1')
    expect(kernel.restarts).toEqual([{ session: 'notebook' }])
    expect(kernel.runs).toEqual([{ session: 'notebook', source: 'a', cellId: 'c1' }])
    expect(notebook.cells[1]?.executionCount).toBe(1)
    expect(notebook.cells[1]?.outputs).toEqual([{ type: 'stream', name: 'stdout', text: 'a\n' }])
    await notebook.run('c0')
    expect(notebook.cells[0]?.executionCount).toBe(2)
    expect(kernel.restarts).toHaveLength(1)
  })

  it('runs all cells in order and stops at the first error, as Jupyter does', async () => {
    const notebook = withCells('a', 'boom', 'c')
    kernel.answer = (source, count) => ({
      executionCount: count,
      status: source === 'boom' ? 'error' : 'ok',
      outputs: [],
    })
    expect(await notebook.runAll()).toBe(false)
    expect(kernel.runs.map((run) => run.source)).toEqual(['a', 'boom'])
    expect(notebook.pending).toEqual([])
    expect(notebook.cells[2]?.executionCount).toBeNull()
  })

  it('queues a run behind one in flight: In [*] for both, then counts in order', async () => {
    const notebook = withCells('a', 'b')
    const first = notebook.run('c0')
    const second = notebook.run('c1')
    expect(notebook.pending).toEqual(['c0', 'c1'])
    await Promise.all([first, second])
    expect(notebook.cells.map((cell) => cell.executionCount)).toEqual([1, 2])
  })

  it('Restart clears the namespace: the next cell is In [1] again, outputs stay', async () => {
    const notebook = withCells('a', 'b')
    await notebook.run('c0')
    await notebook.run('c1')
    await notebook.restart()
    await notebook.run('c1')
    expect(notebook.cells[1]?.executionCount).toBe(1)
    expect(notebook.cells[0]?.outputs).toHaveLength(1)
  })

  it('a lost core is a notice, not an output', async () => {
    const notebook = withCells('a')
    kernel.answer = () => fail(requestDiagnostic('worker-crashed', 'The engine stopped.'))
    expect(await notebook.run('c0')).toBe(false)
    expect(notebook.notice).toBe('The engine stopped.')
    expect(notebook.cells[0]?.executionCount).toBeNull()
  })

  it('adds, moves, deletes and changes the kind of cells', () => {
    const notebook = withCells('a', 'b')
    const id = notebook.add('markdown', 'c0', '# hi')
    expect(notebook.cells.map((cell) => cell.source)).toEqual(['a', '# hi', 'b'])
    notebook.move(id, 1)
    expect(notebook.cells.map((cell) => cell.source)).toEqual(['a', 'b', '# hi'])
    notebook.move(id, 1)
    expect(notebook.cells.map((cell) => cell.source)).toEqual(['a', 'b', '# hi'])
    notebook.remove('c0')
    notebook.setKind('c1', 'markdown')
    expect(notebook.cells.map((cell) => cell.kind)).toEqual(['markdown', 'markdown'])
  })

  it('exports what ran: sources, counts and outputs in a .ipynb that reads back', async () => {
    const notebook = withCells('x.grad')
    kernel.answer = (_source, count) => ({
      executionCount: count,
      status: 'ok',
      outputs: [{ type: 'execute_result', executionCount: count, text: 'tensor(4.)' }],
    })
    await notebook.run('c0')
    const read = readNotebook(writeNotebook(notebook.document()))
    expect(read.ok && read.value.cells[0]).toEqual({
      id: 'c0',
      kind: 'code',
      source: 'x.grad',
      executionCount: 1,
      outputs: [{ kind: 'result', text: 'tensor(4.)' }],
    })
  })

  it('saves and restores its cells and whether it was open', async () => {
    const notebook = withCells('y = x ** 2')
    notebook.open = true
    notebook.save()
    setActivePinia(createPinia())
    const restored = useNotebookStore()
    restored.start()
    expect(restored.open).toBe(true)
    expect(restored.cells.map((cell) => cell.source)).toEqual(['y = x ** 2'])
    await Promise.resolve()
  })

  it('a damaged save starts a new notebook with a notice', () => {
    localStorage.setItem(
      NOTEBOOK_STATE_KEY,
      JSON.stringify({ version: 1, open: true, notebook: 3 }),
    )
    const notebook = useNotebookStore()
    notebook.start()
    expect(notebook.notice).toBe('Started with a new notebook: the saved notebook is damaged.')
    expect(localStorage.getItem(NOTEBOOK_STATE_KEY)).toBeNull()
  })

  it('a notebook too large to keep with its outputs is saved without them', () => {
    const notebook = withCells('print(big)')
    notebook.cells[0]!.outputs = [{ type: 'stream', name: 'stdout', text: 'x'.repeat(70_000) }]
    notebook.save()
    const saved = savedNotebook.load()
    expect(saved.kind).toBe('restored')
    expect(saved.kind === 'restored' && saved.value.notebook).toMatchObject({
      cells: [{ source: 'print(big)', outputs: [] }],
    })
  })
})
