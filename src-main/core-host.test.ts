import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Result } from '../core/protocol/result'
import { CoreHost } from './core-host'

const FIXTURE = new URL('./test-support/fixture-worker.mjs', import.meta.url)

type Behavior =
  | { behavior: 'echo'; tag?: string }
  | { behavior: 'slow'; ms: number; tag?: string }
  | { behavior: 'hang' | 'throw' | 'exit' | 'garbage' }

let host: CoreHost | null = null
afterEach(async () => {
  await host?.shutdown()
  host = null
})

function makeHost(deadlineMs = 2000): CoreHost {
  host = new CoreHost({ spawn: () => new Worker(FIXTURE), deadlineMs })
  return host
}

/** The fixture ignores the request shape; the host passes params through untouched. */
function ask(
  target: CoreHost,
  params: Behavior,
  owner = 1,
  method: 'evaluate' | 'analyze' = 'evaluate',
) {
  return (target.call as (m: string, p: unknown, o: number) => Promise<Result<unknown>>)(
    method,
    params,
    owner,
  )
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.diagnostics[0]?.code)

/**
 * The Node transport of the shared worker client, with a real worker_threads Worker: the rules themselves
 * (queue, supersession, deadlines, shutdown) are tested in core/client/worker-client.test.ts.
 */
describe('CoreHost', () => {
  it('answers each request with the result the worker sent for its id', async () => {
    const target = makeHost()
    const [a, b] = await Promise.all([
      ask(target, { behavior: 'echo', tag: 'a' }, 1, 'analyze'),
      ask(target, { behavior: 'echo', tag: 'b' }, 2),
    ])
    expect(a).toEqual({
      ok: true,
      value: { method: 'analyze', params: { behavior: 'echo', tag: 'a' } },
    })
    expect(b).toEqual({
      ok: true,
      value: { method: 'evaluate', params: { behavior: 'echo', tag: 'b' } },
    })
    expect(target.workersStarted).toBe(1)
  })

  it('ignores messages that are not the answer to the running request', async () => {
    const target = makeHost()
    expect(await ask(target, { behavior: 'garbage' })).toEqual({ ok: true, value: 'right id' })
  })

  it('cuts a request past its deadline, answers timeout, and serves the next on a fresh worker', async () => {
    const target = makeHost(300)
    const started = Date.now()
    const hung = await ask(target, { behavior: 'hang' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(hung).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'timeout',
          message:
            'The calculation took longer than 0.3 s and was stopped. Try fewer samples or a simpler function.',
          span: [0, 0],
        },
      ],
    })
    expect(await ask(target, { behavior: 'echo', tag: 'after' })).toMatchObject({ ok: true })
    expect(target.workersStarted).toBe(2)
  })

  it.each(['exit', 'throw'] as const)(
    'answers worker-crashed when the worker dies (%s) and replaces it',
    async (behavior) => {
      const target = makeHost()
      const crashed = await ask(target, { behavior })
      expect(crashed).toEqual({
        ok: false,
        diagnostics: [
          {
            code: 'worker-crashed',
            message: 'The calculation engine stopped unexpectedly; it has been restarted.',
            span: [0, 0],
          },
        ],
      })
      expect(await ask(target, { behavior: 'echo' })).toMatchObject({ ok: true })
      expect(target.workersStarted).toBe(2)
    },
  )

  it('answers worker-crashed when the worker is terminated from outside', async () => {
    let current: Worker | null = null
    host = new CoreHost({
      spawn: () => (current = new Worker(FIXTURE)),
    })
    const pending = ask(host, { behavior: 'slow', ms: 500 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    await current!.terminate()
    expect(codeOf(await pending)).toBe('worker-crashed')
    expect(codeOf(await ask(host, { behavior: 'echo' }))).toBe('ok')
  })

  it('answers an unclonable payload with an internal diagnostic and keeps the worker', async () => {
    const target = makeHost()
    const result = await (
      target.call as (m: string, p: unknown, o: number) => Promise<Result<unknown>>
    )('evaluate', { behavior: 'echo', callback: () => 1 }, 1)
    expect(codeOf(result)).toBe('internal')
    expect(codeOf(await ask(target, { behavior: 'echo' }))).toBe('ok')
    expect(target.workersStarted).toBe(1)
  })

  it('on shutdown answers what is open, stops the worker, and refuses later calls', async () => {
    let current: Worker | null = null
    const target = new CoreHost({ spawn: () => (current = new Worker(FIXTURE)) })
    host = target
    const running = ask(target, { behavior: 'slow', ms: 300 })
    const queued = ask(target, { behavior: 'echo' }, 2)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const exited = new Promise<number>((resolve) => current!.once('exit', resolve))
    await target.shutdown()
    expect(codeOf(await running)).toBe('cancelled')
    expect(codeOf(await queued)).toBe('cancelled')
    await exited
    expect(codeOf(await ask(target, { behavior: 'echo' }))).toBe('cancelled')
  })

  it('answers worker-crashed, never throws, when a worker cannot be started, and tries again next time', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    let attempts = 0
    host = new CoreHost({
      spawn: () => {
        attempts++
        if (attempts === 1) throw new Error('no worker for you')
        return new Worker(FIXTURE)
      },
    })
    const [first, second] = await Promise.all([
      ask(host, { behavior: 'echo' }, 1),
      ask(host, { behavior: 'echo' }, 2),
    ])
    expect(codeOf(first)).toBe('worker-crashed')
    expect(codeOf(second)).toBe('ok')
    expect(logged).toHaveBeenCalledOnce()
    logged.mockRestore()
  })

  it('answers worker-crashed when the worker script cannot be loaded', async () => {
    host = new CoreHost({ spawn: () => new Worker(new URL('./no-such-worker.mjs', FIXTURE)) })
    expect(codeOf(await ask(host, { behavior: 'echo' }))).toBe('worker-crashed')
  })

  it('uses the 2 s deadline of LIMITS by default', () => {
    expect(new CoreHost({ spawn: () => new Worker(FIXTURE) }).deadlineMs).toBe(2000)
  })
})
