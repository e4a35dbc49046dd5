import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { writeNotebook } from '../../../core/ipynb'
import { setNotebookKernel } from '../../notebook/kernel'
import { inPageNotebookKernel } from '../../test-support/in-page-kernel'
import { useNotebookStore } from '../../stores/notebook'
import { freshStores, settle } from '../../test-support/stores'
import NotebookView from './NotebookView.vue'

/** The real interpreter (core/notebook) runs the cells: the outputs are PyTorch's text. */
beforeEach(() => {
  localStorage.clear()
  freshStores()
  setNotebookKernel(inPageNotebookKernel())
})

const mountView = () => mount(NotebookView, { attachTo: document.body })

async function runCell(wrapper: ReturnType<typeof mountView>, index: number) {
  await wrapper.findAll('[data-testid="nb-run"]')[index]!.trigger('click')
  await settle()
}

describe('NotebookView', () => {
  it('runs the starter cell: In [1] and tensor(4.), the markdown rendered with KaTeX', async () => {
    const wrapper = mountView()
    expect(wrapper.get('[data-testid="nb-markdown"]').html()).toContain('katex')
    expect(wrapper.get('[data-testid="nb-prompt"]').text()).toBe('In [ ]:')
    await runCell(wrapper, 1)
    expect(wrapper.get('[data-testid="nb-prompt"]').text()).toBe('In [1]:')
    expect(wrapper.get('[data-testid="nb-result"]').text()).toBe('tensor(4.)')
    wrapper.unmount()
  })

  it('shows an error as its traceback with the one-line why, and a warning in its own style', async () => {
    const notebook = useNotebookStore()
    notebook.cells = [
      {
        id: 'a',
        kind: 'code',
        source: 'import torch\nf = u * 2',
        executionCount: null,
        outputs: [],
      },
      {
        id: 'b',
        kind: 'code',
        source:
          'x = torch.tensor(2.0, requires_grad=True)\ny = x * 2\nz = y * 3\nz.backward()\nprint(y.grad)',
        executionCount: null,
        outputs: [],
      },
    ]
    const wrapper = mountView()
    await runCell(wrapper, 0)
    const error = wrapper.get('[data-testid="nb-error"]')
    expect(error.text()).toContain("NameError: name 'u' is not defined")
    expect(wrapper.get('[data-testid="nb-why"]').text()).toContain("create 'u' first")
    await runCell(wrapper, 1)
    expect(wrapper.get('[data-testid="nb-warning"]').text()).toContain('UserWarning')
    expect(wrapper.get('[data-testid="nb-stream"]').text()).toBe('None')
    wrapper.unmount()
  })

  it('adds, moves and deletes cells from their tools', async () => {
    const wrapper = mountView()
    const notebook = useNotebookStore()
    await wrapper.get('[data-testid="nb-add-code"]').trigger('click')
    expect(notebook.cells).toHaveLength(3)
    await wrapper.findAll('[aria-label="Move cell up"]')[2]!.trigger('click')
    expect(notebook.cells[1]?.source).toBe('')
    await wrapper.findAll('[data-testid="nb-delete"]')[1]!.trigger('click')
    expect(notebook.cells.map((cell) => cell.id)).toEqual(['welcome', 'first'])
    wrapper.unmount()
  })

  it('opens a .ipynb from its file input, and refuses a malformed one with the reason', async () => {
    const wrapper = mountView()
    const input = wrapper.get('[data-testid="nb-open-input"]')
    const choose = async (file: File) => {
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
      await input.trigger('change')
      await settle()
    }
    const text = writeNotebook({
      cells: [
        { id: 'z', kind: 'markdown', source: '# From Jupyter', executionCount: null, outputs: [] },
      ],
    })
    await choose(new File([text], 'theirs.ipynb'))
    expect(wrapper.get('#notebook-title').text()).toBe('theirs.ipynb')
    expect(wrapper.get('[data-testid="nb-markdown"]').html()).toContain('<h1>From Jupyter</h1>')
    await choose(new File(['not json'], 'broken.ipynb'))
    expect(wrapper.get('[data-testid="nb-status"]').text()).toContain(
      'broken.ipynb is not a notebook Calculus Lab can open: it is not JSON.',
    )
    wrapper.unmount()
  })
})
