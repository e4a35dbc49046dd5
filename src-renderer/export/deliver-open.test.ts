import { PNG } from 'pngjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { embedSession, type PlotSession } from '../../core/png/session'
import type { DesktopApi } from '../../core/protocol/desktop'
import { deliverPng } from './deliver'
import { openPngWithDialog, sessionFromFile } from './open'

const SESSION: PlotSession = {
  expression: 'x^2',
  point: { x: 2 },
  wrt: 'x',
  domain: [-5, 5],
  yRange: null,
  samples: null,
  showSecond: false,
}

function png(session: PlotSession | null): Uint8Array {
  const image = new PNG({ width: 2, height: 2 })
  const bytes = new Uint8Array(PNG.sync.write(image))
  if (!session) return bytes
  const embedded = embedSession(bytes, session)
  if (!embedded.ok) throw new Error(embedded.problem.message)
  return embedded.value
}

function bridge(overrides: Partial<DesktopApi>): DesktopApi {
  return overrides as DesktopApi
}

afterEach(() => {
  delete window.calculus
  vi.restoreAllMocks()
})

describe('delivering an exported PNG', () => {
  it('goes through the desktop shell’s savePng, with the suggested name', async () => {
    const savePng = vi.fn<DesktopApi['savePng']>(async () => ({
      ok: true,
      value: { saved: true, path: '/home/me/plot.png' },
    }))
    window.calculus = bridge({ savePng })
    const bytes = png(SESSION)
    expect(await deliverPng(bytes, 'calculus-lab-x2.png')).toEqual({
      kind: 'saved',
      path: '/home/me/plot.png',
    })
    expect(savePng).toHaveBeenCalledWith({ bytes, suggestedName: 'calculus-lab-x2.png' })
  })

  it('reports a cancelled dialog and a refusal from main', async () => {
    window.calculus = bridge({ savePng: async () => ({ ok: true, value: { saved: false } }) })
    expect(await deliverPng(png(null), 'a.png')).toEqual({ kind: 'cancelled' })
    window.calculus = bridge({
      savePng: async () => ({
        ok: false,
        diagnostics: [{ code: 'invalid-request', message: 'Not a PNG.', span: [0, 0] }],
      }),
    })
    expect(await deliverPng(png(null), 'a.png')).toEqual({ kind: 'failed', message: 'Not a PNG.' })
  })

  it('downloads the file in the web build', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:plot')
    URL.revokeObjectURL = vi.fn()
    const clicked: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(`${this.download} ${this.href}`)
    })
    expect(await deliverPng(png(null), 'calculus-lab-x2.png')).toEqual({
      kind: 'downloaded',
      name: 'calculus-lab-x2.png',
    })
    expect(clicked).toEqual(['calculus-lab-x2.png blob:plot'])
  })
})

describe('opening a PNG', () => {
  it('reads the session of a file picked in the desktop shell’s dialog', async () => {
    window.calculus = bridge({
      openPng: async () => ({
        ok: true,
        value: { opened: true, name: 'a.png', bytes: png(SESSION) },
      }),
    })
    expect(await openPngWithDialog()).toEqual({ kind: 'opened', name: 'a.png', session: SESSION })
    window.calculus = bridge({ openPng: async () => ({ ok: true, value: { opened: false } }) })
    expect(await openPngWithDialog()).toEqual({ kind: 'cancelled' })
  })

  it('refuses a file without our chunk, and a file too large to be ours, saying why', async () => {
    const foreign = new File([png(null) as Uint8Array<ArrayBuffer>], 'photo.png')
    expect(await sessionFromFile(foreign)).toEqual({
      kind: 'refused',
      name: 'photo.png',
      message:
        'This PNG has no Calculus Lab plot in it. Only images exported by Calculus Lab can be opened.',
    })
    const huge = { name: 'huge.png', size: 64 * 1024 * 1024 } as File
    expect(await sessionFromFile(huge)).toMatchObject({ kind: 'refused', name: 'huge.png' })
  })
})
