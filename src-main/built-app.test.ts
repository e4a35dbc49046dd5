import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvaluateResult } from '../core/protocol/api'
import { channelOf, INVOKE_METHODS } from '../core/protocol/desktop'
import type { Result } from '../core/protocol/result'
import { TEST_DEADLINE_VARIABLE } from './paths'
import { PNG_SIGNATURE } from '../core/png/chunks'
import { BuiltApp, buildApp } from './test-support/built-app'

/**
 * The BUILT app (electron-vite build of electron.config.ts) run under plain Node, with 'electron' resolved
 * to the recording fake (test-support/run-built-main.mjs). What runs is exactly what would ship: the
 * bundled main, the real core worker chunk, the real preload and renderer files. Only Electron itself is
 * the fake. The deadline is lowered to DEADLINE_MS through the test-only variable (ignored when packaged)
 * so a genuinely heavy, valid request runs past it.
 */
const DEADLINE_MS = 500

type From = 'main-frame' | 'subframe' | 'other-page'

let outDir: string
let built: BuiltApp

const ask = <T = unknown>(op: string, params?: unknown) => built.ask<T>(op, params)
const invoke = <T = unknown>(channel: string, args: unknown[], from: From = 'main-frame') =>
  ask<Result<T>>('invoke', { channel, args, from })

const evaluateRequest = (overrides: Record<string, unknown> = {}) => ({
  expression: 'x^2',
  point: { x: 2 },
  wrt: 'x',
  domain: [-3, 3],
  samples: 61,
  ...overrides,
})

/**
 * Valid and within every limit, the work budget included (core/evaluate/work.ts refuses anything heavier
 * before it starts): the 999-character power tower, twice differentiated, at the most samples the
 * budget allows: about 1.5 s on a busy 2-core machine, well past DEADLINE_MS.
 */
const heavyRequest = evaluateRequest({
  expression: Array.from({ length: 500 }, () => 'x').join('^'),
  point: { x: 1.1 },
  domain: [0.5, 1.5],
  samples: 2404,
  secondDerivative: true,
})

interface Served {
  status: number
  headers: Record<string, string>
  body: Uint8Array
}

interface State {
  protocols: string[]
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]
  windows: {
    options: { webPreferences: Record<string, unknown> } & Record<string, unknown>
    loaded: string
  }[]
  handlers: string[]
  menu: { label?: string; submenu?: { label?: string; role?: string }[] }[]
  calls: string[]
  permissionHandlers: { request: boolean; check: boolean }
  guardedWebContents: { windowOpenDenied: boolean; navigationListeners: number }[]
  workersStarted: number
  workersAlive: number
}

beforeAll(async () => {
  outDir = buildApp()
  built = new BuiltApp(outDir, { [TEST_DEADLINE_VARIABLE]: String(DEADLINE_MS) })
  await built.ready
}, 240_000)

afterAll(() => {
  built?.stop()
  if (outDir) rmSync(outDir, { recursive: true, force: true })
})

describe('the built main process', () => {
  it('creates one window with the secure preferences, pointing at built preload and renderer files', async () => {
    const { windows, calls } = await ask<State>('state')
    expect(windows).toHaveLength(1)
    const [window] = windows
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    })
    const preload = window!.options.webPreferences.preload as string
    expect(preload).toBe(join(outDir, 'preload', 'index.cjs'))
    expect(existsSync(preload)).toBe(true)
    expect(window!.loaded).toBe('app://calculus-lab/index.html')
    expect(readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8')).toMatch(
      /http-equiv="Content-Security-Policy"[^>]*script-src 'self'/,
    )
    expect(calls).toEqual(
      expect.arrayContaining(['app.requestSingleInstanceLock', 'app.enableSandbox']),
    )
  })

  it('serves the built renderer folder on the privileged app:// scheme, and nothing outside it', async () => {
    const { protocols, privilegedSchemes } = await ask<State>('state')
    expect(protocols).toEqual(['app'])
    expect(privilegedSchemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ])
    const page = await ask<Served>('request', { url: 'app://calculus-lab/index.html' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(Buffer.from(page.body).toString('utf8')).toBe(
      readFileSync(join(outDir, 'renderer', 'index.html'), 'utf8'),
    )
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(Buffer.from(page.body).toString('utf8'))
    expect(script).not.toBeNull()
    const served = await ask<Served>('request', { url: `app://calculus-lab/${script![1]}` })
    expect(served.headers['content-type']).toBe('text/javascript; charset=utf-8')
    for (const url of [
      'app://calculus-lab/..%2fmain%2findex.js',
      'app://calculus-lab/%2e%2e/main/index.js',
      `app://calculus-lab/${join(outDir, 'main', 'index.js')}`,
    ])
      expect((await ask<Served>('request', { url })).status).toBe(404)
  })

  it('ships a CommonJS preload that exposes the API through contextBridge only', () => {
    const preload = readFileSync(join(outDir, 'preload', 'index.cjs'), 'utf8')
    expect(preload).toMatch(/require\(["']electron["']\)/)
    expect(preload).not.toMatch(/^\s*import\s/m)
    expect(preload).toContain('exposeInMainWorld')
    for (const method of INVOKE_METHODS) expect(preload).toContain(method)
  })

  it('registers a handler on every contract channel, and no other', async () => {
    const { handlers } = await ask<State>('state')
    expect([...handlers].sort()).toEqual(INVOKE_METHODS.map((method) => channelOf(method)).sort())
  })

  it('answers a valid evaluate with the real result from the real worker', async () => {
    const result = await invoke<EvaluateResult>('calculus:evaluate', [evaluateRequest()])
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.value).toBe(4)
    expect(result.value.gradient).toEqual({ x: 4 })
    expect(result.value.tangent).toEqual({ slope: 4, intercept: -4 })
    expect(result.value.series.t).toBeInstanceOf(Float64Array)
    expect(result.value.series.f).toHaveLength(61)
    expect(result.value.series.df[60]).toBeCloseTo(6)
  })

  it('answers analyze through the worker too', async () => {
    const result = await invoke<{ variables: string[] }>('calculus:analyze', [
      { expression: 'u*sin(x)' },
    ])
    expect(result).toMatchObject({ ok: true, value: { variables: ['u', 'x'] } })
  })

  it.each([
    ['a wrong type', [evaluateRequest({ samples: '61' })]],
    ['NaN', [evaluateRequest({ point: { x: Number.NaN } })]],
    ['a huge string', [evaluateRequest({ expression: 'x'.repeat(5_000_000) })]],
    ['an extra field', [evaluateRequest({ script: 'require("fs")' })]],
    ['no request', []],
    ['two requests', [evaluateRequest(), evaluateRequest()]],
    ['a non-object', ['x^2']],
  ])('refuses an evaluate with %s', async (_name, args) => {
    const result = await invoke('calculus:evaluate', args)
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid-request' }] })
  })

  it('refuses savePng bytes that are not a PNG', async () => {
    const result = await invoke('calculus:savePng', [
      { bytes: new Uint8Array(100), suggestedName: 'plot' },
    ])
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid-request' }] })
  })

  it('saves a PNG through the native save dialog, atomically, where the user chose', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'calculus-save-')), 'chosen.png')
    await ask('answerNextDialog', { canceled: false, filePath: target })
    const bytes = new Uint8Array(64).fill(1)
    bytes.set(PNG_SIGNATURE)
    expect(await invoke('calculus:savePng', [{ bytes, suggestedName: 'x^2 plot' }])).toEqual({
      ok: true,
      value: { saved: true, path: target },
    })
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes)
  })

  it.each(['subframe', 'other-page'] as const)('refuses every channel from a %s', async (from) => {
    for (const method of INVOKE_METHODS) {
      const args = method === 'openPng' ? [] : [evaluateRequest()]
      expect(await invoke(channelOf(method), args, from)).toMatchObject({
        ok: false,
        diagnostics: [
          {
            code: 'invalid-request',
            message: "Invalid request: 'sender' is not the Calculus Lab window.",
          },
        ],
      })
    }
  })

  it('cuts a request that runs past the deadline, then serves the next on a fresh worker', async () => {
    const before = await ask<State>('state')
    const started = Date.now()
    const heavy = await invoke('calculus:evaluate', [heavyRequest])
    expect(heavy).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] })
    expect(Date.now() - started).toBeGreaterThanOrEqual(DEADLINE_MS - 50)
    expect(await invoke('calculus:evaluate', [evaluateRequest()])).toMatchObject({
      ok: true,
      value: { value: 4 },
    })
    const after = await ask<State>('state')
    expect(after.workersStarted).toBe(before.workersStarted + 1)
    expect(after.workersAlive).toBe(1)
  }, 20_000)

  it('replaces a worker killed mid-request and answers that request worker-crashed', async () => {
    const before = await ask<State>('state')
    const pending = invoke('calculus:evaluate', [heavyRequest])
    await new Promise((resolve) => setTimeout(resolve, 150))
    await ask('killWorker')
    expect(await pending).toMatchObject({ ok: false, diagnostics: [{ code: 'worker-crashed' }] })
    expect(await invoke('calculus:evaluate', [evaluateRequest()])).toMatchObject({ ok: true })
    expect((await ask<State>('state')).workersStarted).toBe(before.workersStarted + 1)
  }, 20_000)

  it('denies navigation, new windows and permission requests', async () => {
    expect(await ask('navigate', { url: 'https://example.com/' })).toBe(false)
    expect(await ask('windowOpen', { url: 'https://example.com/' })).toEqual({ action: 'deny' })
    expect(await ask('permission', { permission: 'media' })).toBe(false)
    expect(await ask('permission', { permission: 'notifications' })).toBe(false)
    const { guardedWebContents, permissionHandlers } = await ask<State>('state')
    expect(permissionHandlers).toEqual({ request: true, check: true })
    for (const contents of guardedWebContents) expect(contents.windowOpenDenied).toBe(true)
  })

  it('has File, Edit, View and Help menus whose commands reach the page as typed events', async () => {
    const { menu } = await ask<State>('state')
    expect(menu.map((item) => item.label)).toEqual(
      process.platform === 'darwin'
        ? ['Calculus Lab', '&File', '&Edit', '&View', '&Help']
        : ['&File', '&Edit', '&View', '&Help'],
    )
    expect(await ask('clickMenu', { label: 'Export PNG…' })).toEqual([
      ['calculus:menu', 'export-png'],
    ])
    expect(await ask('clickMenu', { label: 'Lab Walkthrough' })).toEqual([
      ['calculus:menu', 'open-lab'],
    ])
  })

  it('brings the first window back on a second launch', async () => {
    expect(await ask('secondInstance')).toEqual({ minimized: false, focused: true })
  })

  it('shuts the worker down on quit', async () => {
    expect(await ask('quit')).toEqual({ workersAlive: 0 })
  })
})

describe('the built main process when packaged', () => {
  let packaged: BuiltApp
  beforeAll(async () => {
    packaged = new BuiltApp(outDir, {
      FAKE_ELECTRON_IS_PACKAGED: '1',
      [TEST_DEADLINE_VARIABLE]: '5',
    })
    await packaged.ready
  }, 60_000)
  afterAll(() => packaged?.stop())

  it('offers no reload and no developer tools', async () => {
    const { menu } = await packaged.ask<State>('state')
    const roles = JSON.stringify(menu)
    expect(roles).not.toContain('toggleDevTools')
    expect(roles).not.toContain('reload')
  })

  it('ignores the test-only deadline variable', async () => {
    const request = { expression: 'x^2', point: { x: 2 }, wrt: 'x', domain: [-3, 3], samples: 2001 }
    const result = await packaged.ask<Result<unknown>>('invoke', {
      channel: 'calculus:evaluate',
      args: [request],
      from: 'main-frame',
    })
    expect(result.ok).toBe(true)
  })
})
