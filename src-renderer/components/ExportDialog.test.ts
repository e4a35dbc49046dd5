import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ExportOptions } from '../../core/picture/still-options'
import { exportSize } from '../../core/picture/still-options'
import { useNotebookStore } from '../stores/notebook'
import { freshStores, settle } from '../test-support/stores'
import ExportDialog from './ExportDialog.vue'

const exported: ExportOptions[] = []
// The export itself (drawing, encoding, delivering) is useExport's; here only what the dialog asks for.
vi.mock('../composables/useExport', () => ({
  useExport: () => ({
    exportPng: async (options: ExportOptions) => {
      exported.push(options)
      return { kind: 'downloaded', name: 'plot.png' }
    },
    chartSize: () => ({ width: 600, height: 300 }),
    exportSize,
  }),
}))

async function openDialog() {
  const wrapper = mount(ExportDialog, { props: { open: false }, attachTo: document.body })
  await wrapper.setProps({ open: true })
  await settle()
  return wrapper
}

async function submit(wrapper: Awaited<ReturnType<typeof openDialog>>): Promise<ExportOptions> {
  await wrapper.get('form').trigger('submit')
  await settle()
  return exported.at(-1) as ExportOptions
}

beforeEach(() => {
  localStorage.clear()
  freshStores()
  exported.length = 0
})

describe('ExportDialog: the graph option', () => {
  it('leaves the graph out by default, and draws it beside the plot when ticked', async () => {
    const wrapper = await openDialog()
    const box = wrapper.get<HTMLInputElement>('[data-testid="export-with-graph"]')
    expect(box.element.checked).toBe(false)
    expect(wrapper.get('[data-testid="export-size"]').text()).toBe('Image size: 1200 × 600 pixels')
    await box.setValue(true)
    expect(wrapper.get('[data-testid="export-size"]').text()).toBe(
      'Image size: 1200 × 600 pixels, and the graph to its right',
    )
    expect(await submit(wrapper)).toMatchObject({ scale: 2, withGraph: true })
    wrapper.unmount()
  })
})

describe('ExportDialog: the notebook option', () => {
  it('includes a notebook with cells by default, and says how many', async () => {
    const cells = useNotebookStore().cells.length
    expect(cells).toBeGreaterThan(0)
    const wrapper = await openDialog()
    const box = wrapper.get<HTMLInputElement>('[data-testid="export-with-notebook"]')
    expect(box.element.checked).toBe(true)
    expect(box.element.disabled).toBe(false)
    expect(wrapper.text()).toContain(`Include the notebook (${cells} cells)`)
    expect(await submit(wrapper)).toEqual({
      scale: 2,
      background: 'white',
      withNotebook: true,
      withGraph: false,
    })
    expect(wrapper.emitted('done')).toEqual([[{ kind: 'downloaded', name: 'plot.png' }]])
    wrapper.unmount()
  })

  it('leaves the notebook out when the learner unticks it', async () => {
    const wrapper = await openDialog()
    await wrapper.get('[data-testid="export-with-notebook"]').setValue(false)
    await wrapper.get('input[name="scale"][value="3"]').setValue(true)
    expect(await submit(wrapper)).toEqual({
      scale: 3,
      background: 'white',
      withNotebook: false,
      withGraph: false,
    })
    wrapper.unmount()
  })

  it('offers nothing to include when the notebook is empty', async () => {
    useNotebookStore().cells = []
    const wrapper = await openDialog()
    const box = wrapper.get<HTMLInputElement>('[data-testid="export-with-notebook"]')
    expect(box.element.checked).toBe(false)
    expect(box.element.disabled).toBe(true)
    expect(wrapper.text()).toContain('Include the notebook (it is empty)')
    expect((await submit(wrapper)).withNotebook).toBe(false)
    wrapper.unmount()
  })
})
