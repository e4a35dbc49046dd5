import { mount } from '@vue/test-utils'
import { PNG } from 'pngjs'
import { beforeEach, describe, expect, it } from 'vitest'
import { writeNotebook } from '../../core/ipynb'
import { embedSession, type PlotSession } from '../../core/png/session'
import { useNotebookStore } from '../stores/notebook'
import { usePlotSessionStore } from '../stores/plot-session'
import { DEFAULT_DOMAIN, useViewStore } from '../stores/view'
import { freshStores, settle } from '../test-support/stores'
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
