import type { IpcMain, IpcRenderer } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { MENU_CHANNEL, INVOKE_METHODS } from '../../core/protocol/desktop'
import { ok } from '../../core/protocol/result'
import { createDesktopApi } from './desktop-api'
import { fake, FakeWebContents, ipcMain, ipcRenderer } from '../test-support/fake-electron.mjs'

let page: FakeWebContents
beforeEach(() => {
  fake.reset()
  page = new FakeWebContents()
})

const api = () => createDesktopApi(ipcRenderer as unknown as IpcRenderer)

describe('createDesktopApi', () => {
  it('has exactly one function per method of the contract', () => {
    const exposed = api()
    expect(Object.keys(exposed).sort()).toEqual([...INVOKE_METHODS, 'onMenu'].sort())
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function')
  })

  it('invokes each method on its own channel with exactly the given request', async () => {
    const seen: unknown[][] = []
    for (const method of INVOKE_METHODS)
      (ipcMain as unknown as IpcMain).handle(`calculus:${method}`, (_event, ...args) => {
        seen.push([method, ...args])
        return ok(method)
      })
    const exposed = api()
    const request = {
      expression: 'x',
      point: { x: 1 },
      wrt: 'x',
      domain: [0, 1] as [number, number],
      samples: 2,
    }
    expect(await exposed.evaluate(request)).toEqual(ok('evaluate'))
    expect(await exposed.analyze({ expression: 'x' })).toEqual(ok('analyze'))
    expect(await exposed.graph({ expression: 'x', point: { x: 1 } })).toEqual(ok('graph'))
    expect(await exposed.savePng({ bytes: new Uint8Array(1), suggestedName: 'a' })).toEqual(
      ok('savePng'),
    )
    expect(await exposed.openPng()).toEqual(ok('openPng'))
    expect(await exposed.saveNotebook({ text: '{}', suggestedName: 'lab.ipynb' })).toEqual(
      ok('saveNotebook'),
    )
    expect(await exposed.notebookGraph({ session: 'notebook', name: 'f' })).toEqual(
      ok('notebookGraph'),
    )
    expect(seen).toEqual([
      ['evaluate', request],
      ['analyze', { expression: 'x' }],
      ['graph', { expression: 'x', point: { x: 1 } }],
      ['savePng', { bytes: new Uint8Array(1), suggestedName: 'a' }],
      ['openPng'],
      ['saveNotebook', { text: '{}', suggestedName: 'lab.ipynb' }],
      ['notebookGraph', { session: 'notebook', name: 'f' }],
    ])
  })

  it('passes menu commands to the listener, drops unknown ones, and unsubscribes', () => {
    const heard: string[] = []
    const unsubscribe = api().onMenu((command) => heard.push(command))
    page.send(MENU_CHANNEL, 'export-png')
    page.send(MENU_CHANNEL, 'rm -rf')
    page.send(MENU_CHANNEL, { command: 'about' })
    page.send(MENU_CHANNEL, 'about')
    unsubscribe()
    page.send(MENU_CHANNEL, 'open-lab')
    expect(heard).toEqual(['export-png', 'about'])
  })

  it('never hands the page the IPC event or ipcRenderer', () => {
    const heardArgs: unknown[][] = []
    api().onMenu((...args: unknown[]) => heardArgs.push(args))
    page.send(MENU_CHANNEL, 'about')
    expect(heardArgs).toEqual([['about']])
    expect(Object.values(api())).not.toContain(ipcRenderer)
  })
})
