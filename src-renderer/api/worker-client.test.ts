import { afterEach, describe, expect, it, vi } from 'vitest'
import type { WorkerMessage } from '../../core/client'
import type { EvaluateRequest } from '../../core/protocol/api'
import { ok } from '../../core/protocol/result'
import { createWorkerClient, type WorkerPort } from './worker-client'

/**
 * The Web Worker transport of the shared client (core/client, where its rules are tested): the worker's
 * callbacks and the page-level behaviour the old client of this file got wrong.
 */
class FakeWorker implements WorkerPort {
  sent: WorkerMessage[] = []
  terminated = false
  onmessage: ((event: MessageEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  onmessageerror: ((event: MessageEvent) => void) | null = null
  postMessage(message: WorkerMessage) {
    this.sent.push(message)
  }
  terminate() {
    this.terminated = true
  }
  answer(data: unknown) {
    this.onmessage?.({ data } as MessageEvent)
  }
  answerLast(value: unknown) {
    this.answer({ id: this.sent.at(-1)!.id, result: ok(value) })
  }
}

const analyze = { expression: 'x^2' }
const evaluate = (expression: string): EvaluateRequest => ({
  expression,
  point: { x: 1 },
  wrt: 'x',
  domain: [-1, 1],
  samples: 3,
})

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
  it('posts a request with an id and answers it with the message carrying that id', async () => {
    const { client, workers } = setup()
    const answer = client.analyze(analyze)
    expect(workers[0]?.sent).toEqual([{ id: 1, method: 'analyze', params: analyze }])
    workers[0]?.answer('hello')
    workers[0]?.answer({ id: 1 })
    workers[0]?.answer({ id: 1, result: ok(1) })
    expect(await answer).toEqual(ok(1))
    expect(workers).toHaveLength(1)
  })

  it('does not time out a request while it waits behind a slow one', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup(100)
    const slow = client.analyze(analyze)
    const waiting = client.analyze({ expression: 'u' })
    vi.advanceTimersByTime(90)
    workers[0]?.answerLast('slow')
    expect(await slow).toEqual(ok('slow'))
    vi.advanceTimersByTime(90) // 180 ms after it was asked, 90 ms after it started
    workers[0]?.answerLast('waiting')
    expect(await waiting).toEqual(ok('waiting'))
    expect(workers[0]?.terminated).toBe(false)
  })

  it('lets a newer evaluate supersede one still queued', async () => {
    const { client, workers } = setup()
    const running = client.evaluate(evaluate('x'))
    const superseded = client.evaluate(evaluate('x^2'))
    const newest = client.evaluate(evaluate('x^3'))
    const result = await superseded
    expect(!result.ok && result.diagnostics[0]?.code).toBe('cancelled')
    workers[0]?.answerLast('x')
    expect(await running).toEqual(ok('x'))
    workers[0]?.answerLast('x^3')
    expect(await newest).toEqual(ok('x^3'))
    expect(workers[0]?.sent.map((m) => (m.params as EvaluateRequest).expression)).toEqual([
      'x',
      'x^3',
    ])
  })

  it.each(['onerror', 'onmessageerror'] as const)(
    'answers worker-crashed when the worker reports %s, terminates it and starts a new one',
    async (callback) => {
      const { client, workers } = setup()
      const pending = client.analyze(analyze)
      workers[0]?.[callback]?.(new Event('error') as MessageEvent)
      const result = await pending
      expect(!result.ok && result.diagnostics[0]?.code).toBe('worker-crashed')
      expect(workers[0]?.terminated).toBe(true)
      const next = client.analyze(analyze)
      expect(workers).toHaveLength(2)
      workers[1]?.answerLast('fresh')
      expect(await next).toEqual(ok('fresh'))
    },
  )

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

  it('answers what is open on dispose and stops the worker', async () => {
    const { client, workers } = setup()
    const pending = client.analyze(analyze)
    await client.dispose()
    const result = await pending
    expect(!result.ok && result.diagnostics[0]?.code).toBe('cancelled')
    expect(workers[0]?.terminated).toBe(true)
  })
})
