import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ok, type Result } from '../protocol/result'
import type { WorkerEvents, WorkerMessage, WorkerTransport } from './transport'
import { WorkerClient, type WorkerClientOptions } from './worker-client'

/** A worker that answers only when the test says so. */
class FakeWorker implements WorkerTransport {
  sent: WorkerMessage[] = []
  terminated = false
  constructor(readonly events: WorkerEvents) {}
  post(message: WorkerMessage) {
    this.sent.push(message)
  }
  terminate() {
    this.terminated = true
  }
  /** Answers the last request this worker was sent. */
  answer(value: unknown) {
    this.events.message({ id: this.sent.at(-1)!.id, result: ok(value) })
  }
}

function setup(options: Partial<WorkerClientOptions> = {}) {
  const workers: FakeWorker[] = []
  const client = new WorkerClient({
    spawn: (events) => {
      const worker = new FakeWorker(events)
      workers.push(worker)
      return worker
    },
    deadlineMs: 1000,
    ...options,
  })
  const last = () => workers.at(-1)!
  return { client, workers, last }
}

/** The fake ignores params; tests tag them to tell requests apart. */
function ask(
  client: WorkerClient,
  tag: string,
  owner = 1,
  method: 'evaluate' | 'analyze' = 'evaluate',
) {
  return (client.call as (m: string, p: unknown, o: number) => Promise<Result<unknown>>)(
    method,
    { tag },
    owner,
  )
}

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.diagnostics[0]?.code)
const tagsSent = (worker: FakeWorker) => worker.sent.map((m) => (m.params as { tag: string }).tag)

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('WorkerClient', () => {
  it('sends one request at a time, with ids, and answers each with its own result', async () => {
    const { client, last } = setup()
    const a = ask(client, 'a', 1, 'analyze')
    const b = ask(client, 'b', 2)
    expect(last().sent).toEqual([{ id: 1, method: 'analyze', params: { tag: 'a' } }])
    last().answer('first')
    expect(await a).toEqual(ok('first'))
    expect(last().sent.map((m) => [m.id, m.method])).toEqual([
      [1, 'analyze'],
      [2, 'evaluate'],
    ])
    last().answer('second')
    expect(await b).toEqual(ok('second'))
    expect(client.workersStarted).toBe(1)
  })

  it('ignores messages that are not the answer to the running request', async () => {
    const { client, last } = setup()
    const answer = ask(client, 'a')
    for (const garbage of [
      'hello',
      null,
      { id: 1 },
      { id: 2, result: ok('wrong') },
      { id: 1, result: {} },
    ]) {
      last().events.message(garbage)
    }
    last().events.message({ id: 1, result: ok('right') })
    expect(await answer).toEqual(ok('right'))
  })

  it('cancels an evaluate still queued when the same owner asks again, but not other owners', async () => {
    const { client, last } = setup()
    const running = ask(client, 'running', 1)
    const superseded = ask(client, 'old', 1)
    const otherOwner = ask(client, 'other', 2)
    const analyze = ask(client, 'analyze', 1, 'analyze')
    const newest = ask(client, 'new', 1)
    expect(await superseded).toEqual({
      ok: false,
      diagnostics: [
        { code: 'cancelled', message: 'A newer request replaced this one.', span: [0, 0] },
      ],
    })
    for (let i = 0; i < 4; i++) last().answer(tagsSent(last()).at(-1))
    expect(await running).toEqual(ok('running'))
    expect(await otherOwner).toEqual(ok('other'))
    expect(await analyze).toEqual(ok('analyze'))
    expect(await newest).toEqual(ok('new'))
    expect(tagsSent(last())).toEqual(['running', 'other', 'analyze', 'new'])
  })

  it('supersedes only the methods it is told to (the CLI: none)', async () => {
    const { client, last } = setup({ superseding: [] })
    const answers = ['a', 'b', 'c'].map((tag) => ask(client, tag, 1))
    for (let i = 0; i < 3; i++) last().answer(tagsSent(last()).at(-1))
    expect(await Promise.all(answers)).toEqual([ok('a'), ok('b'), ok('c')])
  })

  it('never cancels the evaluate already running', async () => {
    const { client, last } = setup()
    const running = ask(client, 'first')
    const next = ask(client, 'second')
    last().answer('first')
    expect(await running).toEqual(ok('first'))
    last().answer('second')
    expect(await next).toEqual(ok('second'))
  })

  it('times a request from when it starts running, not while it waits behind a slow one', async () => {
    const { client, last } = setup({ deadlineMs: 100 })
    const slow = ask(client, 'slow', 1)
    const waiting = ask(client, 'waiting', 2)
    vi.advanceTimersByTime(90)
    last().answer('slow')
    expect(await slow).toEqual(ok('slow'))
    vi.advanceTimersByTime(90) // 180 ms after it was asked, 90 ms after it started
    last().answer('waiting')
    expect(await waiting).toEqual(ok('waiting'))
    expect(last().terminated).toBe(false)
  })

  it('cuts a request past its deadline, answers timeout, and serves the next on a fresh worker', async () => {
    const { client, workers, last } = setup({ deadlineMs: 300 })
    const hung = ask(client, 'hung', 1)
    const queued = ask(client, 'queued', 2)
    vi.advanceTimersByTime(299)
    expect(workers[0]!.terminated).toBe(false)
    vi.advanceTimersByTime(1)
    expect(await hung).toEqual({
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
    expect(workers[0]!.terminated).toBe(true)
    expect(workers).toHaveLength(2)
    expect(tagsSent(last())).toEqual(['queued'])
    // A late answer from the worker that was cut is not taken for the new request's.
    workers[0]!.events.message({ id: 2, result: ok('stale') })
    last().answer('fresh')
    expect(await queued).toEqual(ok('fresh'))
    expect(client.workersStarted).toBe(2)
  })

  it('answers worker-crashed when the worker dies, and starts a fresh one for the next request', async () => {
    const { client, workers, last } = setup()
    const pending = ask(client, 'a')
    workers[0]!.events.died()
    expect(await pending).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'worker-crashed',
          message: 'The calculation engine stopped unexpectedly; it has been restarted.',
          span: [0, 0],
        },
      ],
    })
    expect(workers[0]!.terminated).toBe(true)
    workers[0]!.events.died() // a dead worker's second report changes nothing
    const next = ask(client, 'b')
    expect(workers).toHaveLength(2)
    last().answer('fresh')
    expect(await next).toEqual(ok('fresh'))
  })

  it('replaces a worker that died while idle', async () => {
    const { client, workers, last } = setup()
    const first = ask(client, 'a')
    last().answer('a')
    await first
    workers[0]!.events.died()
    const second = ask(client, 'b')
    expect(workers).toHaveLength(2)
    last().answer('b')
    expect(await second).toEqual(ok('b'))
  })

  it('answers an unpostable payload with an internal diagnostic, keeps the worker, and goes on', async () => {
    const { client, workers, last } = setup()
    const running = ask(client, 'a')
    const refused = ask(client, 'refused', 2)
    const after = ask(client, 'after', 3)
    last().post = (message) => {
      if ((message.params as { tag: string }).tag === 'refused') throw new Error('DataCloneError')
      FakeWorker.prototype.post.call(last(), message)
    }
    last().answer('a')
    await running
    expect(await refused).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'internal', message: 'Internal error: DataCloneError.' }],
    })
    last().answer('after')
    expect(await after).toEqual(ok('after'))
    expect(workers).toHaveLength(1)
  })

  it('answers worker-crashed, never throws, when a worker cannot be started, and tries again next time', async () => {
    const onSpawnError = vi.fn()
    let attempts = 0
    const workers: FakeWorker[] = []
    const client = new WorkerClient({
      spawn: (events) => {
        if (++attempts === 1) throw new Error('no worker')
        const worker = new FakeWorker(events)
        workers.push(worker)
        return worker
      },
      onSpawnError,
    })
    const first = ask(client, 'a', 1)
    const second = ask(client, 'b', 2)
    expect(codeOf(await first)).toBe('worker-crashed')
    expect(onSpawnError).toHaveBeenCalledWith(new Error('no worker'))
    workers[0]!.answer('b')
    expect(await second).toEqual(ok('b'))
  })

  it('on shutdown answers what is open, stops the worker, and answers later calls at once', async () => {
    const { client, last } = setup()
    const running = ask(client, 'running', 1)
    const queued = ask(client, 'queued', 2)
    await client.shutdown()
    const closing = {
      ok: false,
      diagnostics: [
        {
          code: 'cancelled',
          message: 'The app is closing; the calculation was stopped.',
          span: [0, 0],
        },
      ],
    }
    expect(await running).toEqual(closing)
    expect(await queued).toEqual(closing)
    expect(last().terminated).toBe(true)
    expect(await ask(client, 'later')).toEqual(closing)
    vi.advanceTimersByTime(5000) // the cleared deadline never fires into a closed client
  })

  it('never throws when a worker refuses to stop', async () => {
    const { client, last } = setup({ deadlineMs: 10 })
    const hung = ask(client, 'hung')
    last().terminate = () => {
      throw new Error('cannot stop')
    }
    vi.advanceTimersByTime(10)
    expect(codeOf(await hung)).toBe('timeout')
    await expect(client.shutdown()).resolves.toBeUndefined()
  })

  it('uses the 2 s deadline of LIMITS by default', () => {
    expect(new WorkerClient({ spawn: (events) => new FakeWorker(events) }).deadlineMs).toBe(2000)
  })
})
