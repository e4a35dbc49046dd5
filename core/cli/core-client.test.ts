import { afterEach, describe, expect, it } from 'vitest'
import type { WorkerClient } from '../client'
import type { CliCoreApi } from './cli-api'
import { startCliCore } from './core-client'

let core: WorkerClient<CliCoreApi> | null = null
afterEach(async () => {
  await core?.shutdown()
  core = null
})

describe('the CLI core in a worker', { timeout: 30_000 }, () => {
  it('runs the CLI file itself as the worker and answers gradient', async () => {
    core = startCliCore(new URL('../cli.ts', import.meta.url), 20_000)
    expect(await core.call('gradient', { expression: 'u*v + u^2', point: { u: 1, v: 2 } })).toEqual(
      {
        ok: true,
        value: { variables: ['u', 'v'], value: 3, gradient: { u: 4, v: 1 }, notes: [] },
      },
    )
  })

  it('cuts a busy loop at the deadline, answers timeout, and serves the next on a fresh worker', async () => {
    core = startCliCore(new URL('../test-support/busy-cli-worker.mjs', import.meta.url), 300)
    const started = Date.now()
    const busy = await core.call('gradient', { expression: 'busy', point: {} })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(busy).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] })
    expect(await core.call('gradient', { expression: '1', point: {} })).toMatchObject({ ok: true })
    expect(core.workersStarted).toBe(2)
  })
})
