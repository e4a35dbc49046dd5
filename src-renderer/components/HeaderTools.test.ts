import { mount } from '@vue/test-utils'
import { PNG } from 'pngjs'
import { beforeEach, describe, expect, it } from 'vitest'
import { writeNotebook, type NotebookDocument } from '../../core/ipynb'
import { readChunks, textChunk, withText, writeChunks } from '../../core/png/chunks'
import { embedNotebook, NOTEBOOK_KEYWORD } from '../../core/png/notebook-part'
import { embedSession, type PlotSession } from '../../core/png/session'
import { useNotebookStore } from '../stores/notebook'
import { usePlotSessionStore } from '../stores/plot-session'
import { DEFAULT_DOMAIN, useViewStore } from '../stores/view'
import { freshStores, settle } from '../test-support/stores'
import ExportDialog from './ExportDialog.vue'
import HeaderTools from './HeaderTools.vue'

function pngFile(name: string, session: PlotSession): File {
  const embedded = embedSession(
    new Uint8Array(PNG.sync.write(new PNG({ width: 2, height: 2 }))),
    session,
  )
  if (!embedded.ok) throw new Error(embedded.problem.message)
  return new File([new Uint8Array(embedded.value)], name, { type: 'image/png' })
}

/** Chooses a file in the web build's file input, as the learner does after "Open PNG…". */
async function choose(file: File) {
  const wrapper = mount(HeaderTools, { global: { stubs: { ExportDialog: true } } })
  const input = wrapper.get('[data-testid="open-png-input"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await settle()
  return wrapper
}

beforeEach(() => {
  localStorage.clear()
  freshStores()
})

describe('HeaderTools: opening a PNG', () => {
  const session: PlotSession = {
    expression: 'x^3',
    point: { x: 1 },
    wrt: 'x',
    domain: [-2, 2],
    yRange: null,
    samples: null,
    showSecond: false,
  }

  it('opens a plot and says so, with nothing left unrestored', async () => {
    const wrapper = await choose(pngFile('cubic.png', session))
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'Opened cubic.png: f = x^3',
    )
    expect(useViewStore().domain).toEqual([-2, 2])
    expect(usePlotSessionStore().notice).toBeNull()
  })

  it('opens a plot whose range is too wide and names the range it did not restore', async () => {
    const wrapper = await choose(pngFile('wide.png', { ...session, domain: [-1e9, 1e9] }))
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain('Opened wide.png: f = x^3')
    expect(useViewStore().domain).toEqual(DEFAULT_DOMAIN)
    expect(usePlotSessionStore().notice).toBe(
      'The plotted range −1e9…1e9 is wider than 1e6 and was not restored.',
    )
  })
})

describe('HeaderTools: opening a .ipynb', () => {
  it('opens a Jupyter notebook in the notebook view', async () => {
    const text = writeNotebook({
      cells: [{ id: 'a', kind: 'code', source: 'x = 1', executionCount: null, outputs: [] }],
    })
    const wrapper = await choose(new File([text], 'mine.ipynb'))
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'Opened mine.ipynb: 1 cells in the notebook',
    )
    expect(useNotebookStore().open).toBe(true)
    expect(useNotebookStore().cells.map((cell) => cell.source)).toEqual(['x = 1'])
  })

  it('refuses a malformed notebook, saying where', async () => {
    const wrapper = await choose(new File(['{"nbformat": 3}'], 'old.ipynb'))
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'old.ipynb is not a notebook Calculus Lab can open: it is nbformat 3; only nbformat 4 can be opened.',
    )
  })
})

describe('HeaderTools: opening a PNG that carries a notebook', () => {
  const session: PlotSession = {
    expression: 'x^2',
    point: { x: 2 },
    wrt: 'x',
    domain: [-5, 5],
    yRange: null,
    samples: null,
    showSecond: false,
  }
  const carried: NotebookDocument = {
    cells: [
      {
        id: 'a',
        kind: 'markdown',
        source: '# Saved with the plot',
        executionCount: null,
        outputs: [],
      },
      { id: 'b', kind: 'code', source: 'y = 3', executionCount: 1, outputs: [] },
    ],
  }
  const withNotebook = (name: string, document: NotebookDocument = carried) => {
    const plot = pngFile(name, session)
    return plot.arrayBuffer().then((buffer) => {
      const embedded = embedNotebook(new Uint8Array(buffer), document)
      if (!embedded.ok) throw new Error(embedded.problem.message)
      return new File([new Uint8Array(embedded.value.png)], name, { type: 'image/png' })
    })
  }
  const sources = () => useNotebookStore().cells.map((cell) => cell.source)

  it('restores the notebook in place of the untouched starter, and stays on the plot', async () => {
    const wrapper = await choose(await withNotebook('square.png'))
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'Opened square.png: f = x^2, and its notebook (2 cells)',
    )
    expect(sources()).toEqual(['# Saved with the plot', 'y = 3'])
    expect(useNotebookStore().fileName).toBe('square.ipynb')
    expect(useNotebookStore().open).toBe(false)
    expect(useViewStore().domain).toEqual([-5, 5])
    expect(wrapper.find('[data-testid="png-notebook-offer"]').exists()).toBe(false)
  })

  it('keeps the learner’s own cells and offers the notebook instead, until they choose it', async () => {
    const notebook = useNotebookStore()
    notebook.add('code', null, 'mine = 1')
    const wrapper = await choose(await withNotebook('square.png'))
    expect(useViewStore().domain).toEqual([-5, 5])
    expect(sources()).toContain('mine = 1')
    const offer = wrapper.get('[data-testid="png-notebook-offer"]')
    expect(offer.text()).toContain(
      'square.png also carries a notebook of 2 cells. Your notebook was kept.',
    )
    await offer.get('[data-testid="png-notebook-open"]').trigger('click')
    await settle()
    expect(sources()).toEqual(['# Saved with the plot', 'y = 3'])
    expect(notebook.open).toBe(true)
    expect(wrapper.find('[data-testid="png-notebook-offer"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'Opened the notebook of square.png: 2 cells',
    )
  })

  it('leaves a notebook that already has the same cells as it is, outputs and all', async () => {
    const notebook = useNotebookStore()
    await notebook.load(carried, 'mine.ipynb')
    notebook.open = false
    const cells = notebook.cells
    const wrapper = await choose(await withNotebook('square.png'))
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'Opened square.png: f = x^2, whose notebook is the one open',
    )
    expect(notebook.cells).toBe(cells)
    expect(notebook.fileName).toBe('mine.ipynb')
    expect(wrapper.find('[data-testid="png-notebook-offer"]').exists()).toBe(false)
  })

  it('“Keep mine” leaves the learner’s cells as they were', async () => {
    useNotebookStore().add('code', null, 'mine = 1')
    const before = sources()
    const wrapper = await choose(await withNotebook('square.png'))
    await wrapper.get('[data-testid="png-notebook-offer"] button:last-child').trigger('click')
    expect(wrapper.find('[data-testid="png-notebook-offer"]').exists()).toBe(false)
    expect(sources()).toEqual(before)
  })

  it('restores the plot of a PNG whose notebook part is damaged, and says why the notebook is not', async () => {
    const plot = new Uint8Array(await pngFile('bad.png', session).arrayBuffer())
    const chunks = readChunks(plot)
    if (!chunks.ok) throw new Error(chunks.problem.message)
    const damaged = writeChunks(
      withText(chunks.value, [textChunk(NOTEBOOK_KEYWORD, '{"format": "calculus-lab/notebook"')]),
    )
    const before = sources()
    const wrapper = await choose(new File([new Uint8Array(damaged)], 'bad.png'))
    const message = wrapper.get('[data-testid="file-message"]')
    expect(message.text()).toContain(
      'Opened bad.png: f = x^2. The notebook saved in this PNG cannot be restored: it is not readable.',
    )
    expect(message.attributes('role')).toBe('alert')
    expect(useViewStore().domain).toEqual([-5, 5])
    expect(sources()).toEqual(before)
  })
})

describe('HeaderTools: after an export', () => {
  it('says where the file went, and what the export left out', async () => {
    const wrapper = mount(HeaderTools, { global: { stubs: { ExportDialog: true } } })
    wrapper.findComponent(ExportDialog).vm.$emit('done', {
      kind: 'downloaded',
      name: 'calculus-lab-2.png',
      note: 'The graph was left out: f uses no variable, so autograd records no graph.',
    })
    await settle()
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain(
      'Downloaded calculus-lab-2.png. The graph was left out: f uses no variable, so autograd records no graph.',
    )
    wrapper.findComponent(ExportDialog).vm.$emit('done', { kind: 'saved', path: '/home/me/a.png' })
    await settle()
    expect(wrapper.get('[data-testid="file-message"]').text()).toContain('Saved /home/me/a.png')
    expect(wrapper.get('[data-testid="file-message"]').text()).not.toContain('left out')
  })
})
