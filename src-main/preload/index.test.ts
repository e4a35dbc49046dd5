import { describe, expect, it, vi } from 'vitest'
import { INVOKE_METHODS } from '../../core/protocol/desktop'

vi.mock('electron', () => import('../test-support/fake-electron.mjs'))
const { fake, ipcRenderer } = await import('../test-support/fake-electron.mjs')

describe('the preload', () => {
  it('exposes window.calculus and nothing else, without ipcRenderer', async () => {
    await import('./index')
    expect(fake.callsTo('contextBridge.exposeInMainWorld')).toEqual([['calculus']])
    const exposed = fake.state.exposed.calculus as Record<string, unknown>
    expect(Object.keys(fake.state.exposed)).toEqual(['calculus'])
    expect(Object.keys(exposed).sort()).toEqual([...INVOKE_METHODS, 'onMenu'].sort())
    expect(Object.values(exposed)).not.toContain(ipcRenderer)
  })
})
