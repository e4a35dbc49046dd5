import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => import('./test-support/fake-electron.mjs'))
const { fake } = await import('./test-support/fake-electron.mjs')
const { createMainWindow, focusWindow } = await import('./window')

let stateFile: string
beforeEach(() => {
  fake.reset()
  stateFile = join(mkdtempSync(join(tmpdir(), 'window-')), 'window-state.json')
})

describe('createMainWindow', () => {
  it('creates a sandboxed, isolated window without Node, with our preload', () => {
    createMainWindow({ preloadPath: '/app/out/preload/index.cjs', stateFile })
    const [window] = fake.state.windows
    expect(window?.options.webPreferences).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('shows the window only once it is painted', () => {
    const window = createMainWindow({ preloadPath: '/p', stateFile })
    const [fakeWindow] = fake.state.windows
    expect(fakeWindow?.visible).toBe(false)
    window.emit('ready-to-show')
    expect(fakeWindow?.visible).toBe(true)
  })

  it('remembers its size and position across runs', () => {
    createMainWindow({ preloadPath: '/p', stateFile })
    const first = fake.state.windows[0]!
    first.bounds = { x: 40, y: 60, width: 1100, height: 700 }
    first.close()
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toEqual({
      bounds: { x: 40, y: 60, width: 1100, height: 700 },
      maximized: false,
    })
    createMainWindow({ preloadPath: '/p', stateFile })
    expect(fake.state.windows[1]?.options).toMatchObject({ x: 40, y: 60, width: 1100, height: 700 })
  })

  it('focuses and restores the existing window for a second launch', () => {
    const window = createMainWindow({ preloadPath: '/p', stateFile })
    const fakeWindow = fake.state.windows[0]!
    fakeWindow.minimize()
    focusWindow(window)
    expect(fakeWindow.isMinimized()).toBe(false)
    expect(fake.state.focusedWindow).toBe(fakeWindow)
    expect(() => focusWindow(undefined)).not.toThrow()
  })
})
