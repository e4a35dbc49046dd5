import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EvaluateResult } from '../core/protocol/api'
import { channelOf, INVOKE_METHODS } from '../core/protocol/desktop'
import type { Result } from '../core/protocol/result'
import { TEST_DEADLINE_VARIABLE } from './paths'

/**
 * The BUILT app (electron-vite build of electron.config.ts) run under plain Node, with 'electron' resolved
 * to the recording fake (test-support/run-built-main.mjs). What runs is exactly what would ship: the
 * bundled main, the real core worker chunk, the real preload and renderer files. Only Electron itself is
 * the fake. The deadline is lowered to DEADLINE_MS through the test-only variable (ignored when packaged)
 * so a genuinely heavy, valid request runs past it.
 */
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const HARNESS = pathToFileURL(join(ROOT, 'src-main/test-support/run-built-main.mjs')).href
const DEADLINE_MS = 1000

type From = 'main-frame' | 'subframe' | 'other-page'
type Answer = { id?: number; ok?: boolean; value?: unknown; error?: string; ready?: boolean }

let outDir: string
let app: ChildProcess
let nextId = 1
const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
let stderr = ''

function ask<T = unknown>(op: string, params?: unknown): Promise<T> {
  const id = nextId++
  return new Promise<T>((resolve, reject) => {
    waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
    app.send({ id, op, params })
  })
}
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

/** Valid and within every limit, but a long chain of whole-array ops over 200,000 samples, twice differentiated. */
const heavyRequest = evaluateRequest({
  expression: Array.from({ length: 40 }, () => 'sin(cos(').join('') + 'x' + '))'.repeat(40),
  samples: 200_000,
  secondDerivative: true,
})

interface State {
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
  outDir = mkdtempSync(join(tmpdir(), 'calculus-built-app-'))
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
    'bin',
    'electron-vite.js',
  )
  const build = spawnSync(
    process.execPath,
    [cli, 'build', '-c', 'electron.config.ts', '--outDir', outDir],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  if (build.status !== 0)
    throw new Error(`electron-vite build failed:\n${build.stdout}\n${build.stderr}`)

  app = fork(join(outDir, 'main', 'index.js'), [], {
    execArgv: ['--import', HARNESS],
    serialization: 'advanced', // structured clone, like Electron's IPC: Float64Array stays Float64Array
    env: {
      ...process.env,
      [TEST_DEADLINE_VARIABLE]: String(DEADLINE_MS),
      ELECTRON_RENDERER_URL: '',
    },
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  })
  app.stderr?.on('data', (chunk) => (stderr += String(chunk)))
  await new Promise<void>((resolve, reject) => {
    app.on('message', (message: Answer) => {
      if (message.ready) return resolve()
      const entry = message.id === undefined ? undefined : waiting.get(message.id)
      if (!entry) return
      waiting.delete(message.id!)
      if (message.ok) entry.resolve(message.value)
      else entry.reject(new Error(message.error))
    })
    app.once('exit', (code) => reject(new Error(`the built main exited (${code}):\n${stderr}`)))
  })
}, 240_000)

afterAll(() => {
  app?.kill()
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
    const page = fileURLToPath(window!.loaded)
    expect(page).toBe(join(outDir, 'renderer', 'index.html'))
    expect(readFileSync(page, 'utf8')).toMatch(
      /http-equiv="Content-Security-Policy"[^>]*script-src 'self'/,
    )
    expect(calls).toEqual(
      expect.arrayContaining(['app.requestSingleInstanceLock', 'app.enableSandbox']),
    )
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
