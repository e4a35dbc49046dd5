import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WorkerRequest } from '../../core/protocol/api'
import { ok } from '../../core/protocol/result'
import { createWorkerClient, type WorkerPort } from './worker-client'

class FakeWorker implements WorkerPort {
  sent: WorkerRequest[] = []
  terminated = false
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  postMessage(message: WorkerRequest) {
    this.sent.push(message)
  }
  terminate() {
    this.terminated = true
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent)
  }
}

const analyze = { expression: 'x^2' }

function setup(deadline = 1000) {
  const workers: FakeWorker[] = []
  const client = createWorkerClient(() => {
    const worker = new FakeWorker()
    workers.push(worker)
    return worker
  }, deadline)
  return { client, workers }
}

afterEach(() => vi.useRealTimers())

describe('createWorkerClient', () => {
  it('matches answers to questions by id, whatever their order', async () => {
    const { client, workers } = setup()
    const first = client.analyze(analyze)
    const second = client.analyze({ expression: 'u' })
    const [worker] = workers
    expect(worker?.sent.map((m) => [m.id, m.method])).toEqual([
      [1, 'analyze'],
      [2, 'analyze'],
    ])
    worker?.answer({ id: 2, result: ok('second') })
    worker?.answer({ id: 1, result: ok('first') })
    expect(await first).toEqual(ok('first'))
    expect(await second).toEqual(ok('second'))
    expect(workers).toHaveLength(1)
  })

  it('ignores messages that are not answers', async () => {
    const { client, workers } = setup()
    const answer = client.analyze(analyze)
    workers[0]?.answer('hello')
    workers[0]?.answer({ id: 1 })
    workers[0]?.answer({ id: 1, result: ok(1) })
    expect(await answer).toEqual(ok(1))
  })

  it('answers pending requests with a diagnostic when the worker crashes, then starts a new one', async () => {
    const { client, workers } = setup()
    const pending = client.analyze(analyze)
    workers[0]?.onerror?.(new Event('error'))
    const result = await pending
    expect(result.ok).toBe(false)
    expect(!result.ok && result.diagnostics[0]?.code).toBe('worker-crashed')
    expect(workers[0]?.terminated).toBe(true)
    const next = client.analyze(analyze)
    expect(workers).toHaveLength(2)
    workers[1]?.answer({ id: 2, result: ok('fresh') })
    expect(await next).toEqual(ok('fresh'))
  })

  it('cuts a request at its deadline and replaces the worker', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup(50)
    const slow = client.analyze(analyze)
    vi.advanceTimersByTime(60)
    const result = await slow
    expect(!result.ok && result.diagnostics[0]?.code).toBe('timeout')
    expect(workers[0]?.terminated).toBe(true)
  })

  it('turns a message that cannot be posted into a diagnostic', async () => {
    const client = createWorkerClient(() => {
      const worker = new FakeWorker()
      worker.postMessage = () => {
        throw new Error('DataCloneError')
      }
      return worker
    })
    const result = await client.analyze(analyze)
    expect(!result.ok && result.diagnostics[0]?.code).toBe('internal')
  })
})
