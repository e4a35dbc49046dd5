import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

/** Drives the built main process in a child Node process through run-built-main.mjs (tests only). */

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const HARNESS = pathToFileURL(join(ROOT, 'src-main/test-support/run-built-main.mjs')).href

type Answer = {
  id?: number
  ok?: boolean
  value?: unknown
  error?: string
  ready?: boolean
  event?: 'send'
  channel?: string
  args?: unknown[]
}

/** What main sent the window with webContents.send, once a page is attached. */
export type SentListener = (channel: string, args: unknown[]) => void

/** electron-vite build of electron.config.ts into a fresh folder; returns that folder. */
export function buildApp(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'calculus-built-app-'))
  const pkg = createRequire(import.meta.url).resolve('electron-vite/package.json')
  const cli = join(dirname(pkg), 'bin', 'electron-vite.js')
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
  return outDir
}

export class BuiltApp {
  private readonly child: ChildProcess
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >()
  private nextId = 1
  private stderr = ''
  private exited = false
  readonly ready: Promise<void>
  /** Set by the e2e desktop target to relay webContents.send to its page. */
  onSent: SentListener | null = null

  constructor(outDir: string, env: Record<string, string>) {
    this.child = fork(join(outDir, 'main', 'index.js'), [], {
      execArgv: ['--import', HARNESS],
      serialization: 'advanced', // structured clone, like Electron's IPC: Float64Array stays Float64Array
      env: { ...process.env, ELECTRON_RENDERER_URL: '', ...env },
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    this.child.stderr?.on('data', (chunk) => (this.stderr += String(chunk)))
    this.ready = new Promise<void>((resolve, reject) => {
      this.child.on('message', (message: Answer) => {
        if (message.ready) return resolve()
        if (message.event === 'send') return this.onSent?.(message.channel!, message.args ?? [])
        const entry = message.id === undefined ? undefined : this.waiting.get(message.id)
        if (!entry) return
        this.waiting.delete(message.id!)
        if (message.ok) entry.resolve(message.value)
        else entry.reject(new Error(message.error))
      })
      this.child.once('exit', (code) => {
        this.exited = true
        const error = new Error(`the built main exited (${code}):\n${this.stderr}`)
        for (const entry of this.waiting.values()) entry.reject(error)
        this.waiting.clear()
        reject(error)
      })
    })
  }

  ask<T = unknown>(op: string, params?: unknown): Promise<T> {
    const id = this.nextId++
    if (this.exited) return Promise.reject(new Error(`the built main has exited:\n${this.stderr}`))
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject })
      this.child.send({ id, op, params })
    })
  }

  stop(): void {
    this.child.kill()
  }
}
