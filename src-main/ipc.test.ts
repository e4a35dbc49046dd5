import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channelOf, INVOKE_METHODS } from '../core/protocol/desktop'
import { LIMITS } from '../core/protocol/limits'
import { ok, type Result } from '../core/protocol/result'
import { BUILD_TIMEOUT_MS, HANG_MS, hostile, HOSTILE_KINDS } from '../core/test-support/hostile'
import { registerIpcHandlers, type IpcServices } from './ipc'
import { writeNotebook } from '../core/ipynb'
import { PNG_SIGNATURE } from '../core/png/chunks'
import { fake, FakeWebContents, FakeWebFrameMain, ipcMain } from './test-support/fake-electron.mjs'

const validEvaluate = {
  expression: 'x^2',
  point: { x: 2 },
  wrt: 'x',
  domain: [-5, 5],
  samples: 101,
}

let ours: FakeWebContents
let services: IpcServices & { calls: unknown[][] }

beforeEach(() => {
  fake.reset()
  ours = new FakeWebContents()
  const calls: unknown[][] = []
  services = {
    calls,
    core: {
      call: async (method, params, owner) => {
        calls.push(['core', method, params, owner])
        return ok({ answered: method })
      },
    },
    savePng: async (request) => {
      calls.push(['savePng', request])
      return ok({ saved: true, path: '/pictures/plot.png' })
    },
    openPng: async () => {
      calls.push(['openPng'])
      return ok({ opened: false })
    },
    saveNotebook: async (request) => {
      calls.push(['saveNotebook', request])
      return ok({ saved: true, path: '/pictures/lab.ipynb' })
    },
    isTrustedSender: (event: IpcMainInvokeEvent) =>
      event.sender.id === ours.id && event.senderFrame?.parent === null,
  }
  registerIpcHandlers(ipcMain as unknown as IpcMain, services)
})

const invoke = (channel: string, ...args: unknown[]) =>
  fake.invoke(channel, { sender: ours }, ...args) as Promise<Result<unknown>>
const handlerOf = (channel: string) =>
  fake.state.handlers.get(channel) as (
    event: unknown,
    ...args: unknown[]
  ) => Promise<Result<unknown>>
const firstMessage = (result: Result<unknown>) =>
  result.ok ? null : result.diagnostics[0]?.message

describe('registerIpcHandlers', () => {
  it('registers exactly one handler per contract method, on the derived channel', () => {
    expect([...fake.state.handlers.keys()].sort()).toEqual(
      INVOKE_METHODS.map((m) => channelOf(m)).sort(),
    )
    expect([...fake.state.handlers.keys()]).toEqual([
      'calculus:evaluate',
      'calculus:analyze',
      'calculus:graph',
      'calculus:runCell',
      'calculus:restartNotebook',
      'calculus:notebookGraph',
      'calculus:savePng',
      'calculus:openPng',
      'calculus:saveNotebook',
    ])
  })

  it('passes a valid evaluate to the core with the window as owner', async () => {
    expect(await invoke('calculus:evaluate', validEvaluate)).toEqual(ok({ answered: 'evaluate' }))
    expect(services.calls).toEqual([['core', 'evaluate', validEvaluate, ours.id]])
  })

  it("runs a cell in the window's own notebook session, and restarts only that one", async () => {
    const cell = { session: 'main', source: 'x = 1' }
    expect(await invoke('calculus:runCell', cell)).toEqual(ok({ answered: 'runCell' }))
    expect(services.calls).toEqual([
      ['core', 'runCell', { session: `window-${ours.id}:main`, source: 'x = 1' }, ours.id],
    ])
    expect(await invoke('calculus:restartNotebook', { session: 'main' })).toEqual(
      ok({ session: 'main' }),
    )
    expect(services.calls[1]).toEqual([
      'core',
      'restartNotebook',
      { session: `window-${ours.id}:main` },
      ours.id,
    ])
    expect(firstMessage(await invoke('calculus:runCell', { session: 'a b', source: '' }))).toBe(
      "Invalid request: 'session' must be 1 to 100 characters of letters, digits and _ . : -.",
    )
  })

  it("reads a graph from the window's own notebook session, and refuses a name that is not one", async () => {
    const request = { session: 'notebook', name: 'f' }
    expect(await invoke('calculus:notebookGraph', request)).toEqual(
      ok({ answered: 'notebookGraph' }),
    )
    expect(services.calls).toEqual([
      ['core', 'notebookGraph', { session: `window-${ours.id}:notebook`, name: 'f' }, ours.id],
    ])
    for (const payload of [
      { session: 'notebook', name: 'f.grad' },
      { session: 'notebook' },
      { session: 'window-9:notebook', name: 'f', extra: 1 },
      'f',
      null,
    ]) {
      expect(await invoke('calculus:notebookGraph', payload)).toMatchObject({
        ok: false,
        diagnostics: [{ code: 'invalid-request' }],
      })
    }
    expect(firstMessage(await invoke('calculus:notebookGraph', request, 'extra'))).toBe(
      "Invalid request: 'notebookGraph' takes 1 argument.",
    )
    expect(services.calls).toHaveLength(1)
  })

  it('passes a valid analyze to the core', async () => {
    expect(await invoke('calculus:analyze', { expression: 'sin(x)' })).toEqual(
      ok({ answered: 'analyze' }),
    )
  })

  it('passes a valid graph to the core and refuses one with too many slice samples', async () => {
    const request = { expression: 'u*v + u^2', point: { u: 1, v: 2 } }
    expect(await invoke('calculus:graph', request)).toEqual(ok({ answered: 'graph' }))
    const tooMany = { ...request, slice: { wrt: 'u', domain: [0, 1], samples: 100_000 } }
    expect(await invoke('calculus:graph', tooMany)).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid-request' }],
    })
    expect(services.calls).toEqual([['core', 'graph', request, ours.id]])
  })

  it.each([
    ['a string', 'x^2'],
    ['NaN in the point', { ...validEvaluate, point: { x: Number.NaN } }],
    ['Infinity in the domain', { ...validEvaluate, domain: [0, Number.POSITIVE_INFINITY] }],
    ['a huge expression', { ...validEvaluate, expression: 'x+'.repeat(100_000) + 'x' }],
    ['an extra field', { ...validEvaluate, __proto__polluted: true }],
    ['too many samples', { ...validEvaluate, samples: 10_000_000 }],
    ['a wrong type', { ...validEvaluate, samples: '101' }],
    ['null', null],
  ])('refuses an evaluate with %s before it reaches the core', async (_name, payload) => {
    const result = await invoke('calculus:evaluate', payload)
    expect(result.ok).toBe(false)
    expect(result).toMatchObject({ diagnostics: [{ code: 'invalid-request' }] })
    expect(services.calls).toEqual([])
  })

  it('refuses extra or missing arguments', async () => {
    expect(firstMessage(await invoke('calculus:evaluate', validEvaluate, 'more'))).toBe(
      "Invalid request: 'evaluate' takes 1 argument.",
    )
    expect(firstMessage(await invoke('calculus:evaluate'))).toBe(
      "Invalid request: 'evaluate' takes 1 argument.",
    )
    expect(firstMessage(await invoke('calculus:openPng', {}))).toBe(
      "Invalid request: 'openPng' takes 0 arguments.",
    )
    expect(services.calls).toEqual([])
  })

  it('refuses every channel from a foreign sender or a subframe', async () => {
    const stranger = new FakeWebContents()
    const child = new FakeWebFrameMain({ url: 'file:///x', parent: ours.mainFrame })
    for (const method of INVOKE_METHODS) {
      const args = method === 'openPng' ? [] : [validEvaluate]
      for (const from of [{ sender: stranger }, { sender: ours, frame: child }]) {
        const result = (await fake.invoke(channelOf(method), from, ...args)) as Result<unknown>
        expect(firstMessage(result)).toBe(
          "Invalid request: 'sender' is not the Calculus Lab window.",
        )
      }
    }
    expect(services.calls).toEqual([])
  })

  it('validates savePng before the file service sees it', async () => {
    const bytes = new Uint8Array(32)
    bytes.set(PNG_SIGNATURE)
    expect(await invoke('calculus:savePng', { bytes, suggestedName: 'plot' })).toMatchObject({
      ok: true,
    })
    expect(
      await invoke('calculus:savePng', { bytes: new Uint8Array(32), suggestedName: 'plot' }),
    ).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'invalid-request' }],
    })
    expect(services.calls).toEqual([['savePng', { bytes, suggestedName: 'plot' }]])
  })

  it('validates saveNotebook (an nbformat 4 notebook) before the file service sees it', async () => {
    const text = writeNotebook({
      cells: [{ id: 'a', kind: 'code', source: 'x = 2', executionCount: null, outputs: [] }],
    })
    expect(await invoke('calculus:saveNotebook', { text, suggestedName: 'lab.ipynb' })).toEqual(
      ok({ saved: true, path: '/pictures/lab.ipynb' }),
    )
    for (const garbage of [
      null,
      { text: '{"cells": []}', suggestedName: 'lab.ipynb' },
      { text: new TextEncoder().encode(text), suggestedName: 'lab.ipynb' },
      { text, suggestedName: 'lab.ipynb', path: '/etc/passwd' },
      { text },
    ])
      expect(await invoke('calculus:saveNotebook', garbage)).toMatchObject({
        ok: false,
        diagnostics: [{ code: 'invalid-request' }],
      })
    expect(firstMessage(await invoke('calculus:saveNotebook'))).toBe(
      "Invalid request: 'saveNotebook' takes 1 argument.",
    )
    expect(services.calls).toEqual([['saveNotebook', { text, suggestedName: 'lab.ipynb' }]])
  })

  it('answers an internal failure with a sentence, never a throw or a stack', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    services.core.call = async () => {
      throw new Error('secret /home/user/path')
    }
    const result = await invoke('calculus:evaluate', validEvaluate)
    expect(result).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'internal',
          message: 'Internal error: evaluate could not be completed.',
          span: [0, 0],
        },
      ],
    })
    expect(JSON.stringify(result)).not.toContain('secret')
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
  })

  it('refuses a sender whose check throws, as an untrusted sender', async () => {
    services.isTrustedSender = () => {
      throw new Error('Render frame was disposed')
    }
    expect(firstMessage(await invoke('calculus:evaluate', validEvaluate))).toBe(
      "Invalid request: 'sender' is not the Calculus Lab window.",
    )
    expect(services.calls).toEqual([])
  })

  it(
    'refuses hostile payloads on every channel with a diagnostic, quickly, before any service',
    async () => {
      const valid: Record<string, Record<string, unknown>> = {
        'calculus:evaluate': validEvaluate,
        'calculus:analyze': { expression: 'x' },
        'calculus:savePng': { bytes: new Uint8Array(PNG_SIGNATURE), suggestedName: 'plot' },
        'calculus:saveNotebook': {
          text: writeNotebook({ cells: [] }),
          suggestedName: 'notebook.ipynb',
        },
      }
      for (const [channel, base] of Object.entries(valid)) {
        for (const kind of HOSTILE_KINDS) {
          for (const payload of [
            hostile(kind, base),
            { ...base, [Object.keys(base)[0] as string]: hostile(kind, { x: 1 }) },
          ]) {
            // Straight to the handler: a structured clone (what Electron does first) would take seconds
            // to copy a million keys and cannot carry a Proxy; main must survive what arrives either way.
            const start = Date.now()
            const result = await handlerOf(channel)(
              { sender: ours, senderFrame: ours.mainFrame },
              payload,
            )
            expect(Date.now() - start, `${channel}: ${kind}`).toBeLessThan(HANG_MS)
            expect(result.ok, `${channel}: ${kind}`).toBe(false)
            if (!result.ok)
              expect(new Set(result.diagnostics.map((d) => d.code))).toEqual(
                new Set(['invalid-request']),
              )
          }
        }
      }
      expect(services.calls).toEqual([])
      const huge = await handlerOf('calculus:evaluate')(
        { sender: ours, senderFrame: ours.mainFrame },
        hostile('a million keys'),
      )
      expect(firstMessage(huge)).toBe(
        `Invalid request: 'request' has 1000000 keys; at most ${LIMITS.maxFields} are allowed.`,
      )
    },
    BUILD_TIMEOUT_MS,
  )
})
