import { afterEach, describe, expect, it, vi } from 'vitest'
import { readNotebook, type NotebookDocument } from '../../core/ipynb'
import type { DesktopApi } from '../../core/protocol/desktop'
import { deliverNotebook } from './notebook-file'

const DOCUMENT: NotebookDocument = {
  cells: [
    { id: 'a', kind: 'markdown', source: '# Tangents', executionCount: null, outputs: [] },
    { id: 'b', kind: 'code', source: 'print(2)', executionCount: 1, outputs: [] },
  ],
}

afterEach(() => {
  delete window.calculus
  vi.restoreAllMocks()
})

describe('deliverNotebook', () => {
  it('hands the desktop shell the .ipynb text through saveNotebook, and says where it went', async () => {
    const saveNotebook = vi.fn<DesktopApi['saveNotebook']>(async () => ({
      ok: true,
      value: { saved: true, path: '/home/me/lab.ipynb' },
    }))
    window.calculus = { saveNotebook } as unknown as DesktopApi
    expect(await deliverNotebook(DOCUMENT, 'lab.ipynb')).toEqual({
      kind: 'saved',
      path: '/home/me/lab.ipynb',
    })
    const [request] = saveNotebook.mock.calls[0] as [{ text: string; suggestedName: string }]
    expect(request.suggestedName).toBe('lab.ipynb')
    expect(readNotebook(request.text)).toEqual({ ok: true, value: DOCUMENT })
  })

  it('reports a cancelled dialog, a refusal from main and a lost bridge', async () => {
    window.calculus = {
      saveNotebook: async () => ({ ok: true, value: { saved: false } }),
    } as unknown as DesktopApi
    expect(await deliverNotebook(DOCUMENT, 'a.ipynb')).toEqual({ kind: 'cancelled' })
    window.calculus = {
      saveNotebook: async () => ({
        ok: false,
        diagnostics: [
          { code: 'file-problem', message: 'Could not write a.ipynb (EACCES).', span: [0, 0] },
        ],
      }),
    } as unknown as DesktopApi
    expect(await deliverNotebook(DOCUMENT, 'a.ipynb')).toEqual({
      kind: 'failed',
      message: 'Could not write a.ipynb (EACCES).',
    })
    window.calculus = {
      saveNotebook: async () => {
        throw new Error('channel closed')
      },
    } as unknown as DesktopApi
    expect(await deliverNotebook(DOCUMENT, 'a.ipynb')).toEqual({
      kind: 'failed',
      message: 'The notebook was not saved: Error: channel closed',
    })
  })

  it('downloads the file in the web build', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:nb')
    URL.revokeObjectURL = vi.fn()
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(`${this.download} ${this.href}`)
    })
    expect(await deliverNotebook(DOCUMENT, 'lab.ipynb')).toEqual({
      kind: 'downloaded',
      name: 'lab.ipynb',
    })
    expect(clicked).toEqual(['lab.ipynb blob:nb'])
  })
})
