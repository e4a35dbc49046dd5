import { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import type { WorkerRequest, WorkerResponse } from './protocol/api'

/**
 * The real worker entry in a real worker_threads Worker. Its TypeScript is loaded through tsx's loader,
 * registered inside the worker (module hooks of the test's own thread do not reach workers).
 */
const entry = new URL('./worker.ts', import.meta.url).href
const worker = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`,
  { eval: true },
)
afterAll(() => worker.terminate())

function ask(message: WorkerRequest | Record<string, unknown>): Promise<WorkerResponse> {
  return new Promise((resolve) => {
    const onMessage = (response: WorkerResponse) => {
      if (response.id !== message.id) return
      worker.off('message', onMessage)
      resolve(response)
    }
    worker.on('message', onMessage)
    worker.postMessage(message)
  })
}

describe('core/worker.ts under worker_threads', () => {
  it('serves evaluate with Float64Array series', async () => {
    const response = await ask({
      id: 1,
      method: 'evaluate',
      params: { expression: 'x^2', point: { x: 2 }, wrt: 'x', domain: [-2, 2], samples: 5 },
    })
    expect(response.result.ok).toBe(true)
    const value = (response.result as { value: { value: number; series: { df: Float64Array } } })
      .value
    expect(value.value).toBe(4)
    expect(value.series.df).toBeInstanceOf(Float64Array)
    expect([...value.series.df]).toEqual([-4, -2, 0, 2, 4])
  })

  it('matches answers to questions by id when several are in flight', async () => {
    const answers = await Promise.all(
      [3, 1, 2].map((x, i) =>
        ask({ id: 10 + i, method: 'analyze', params: { expression: `x^${x}` } }),
      ),
    )
    expect(answers.map((answer) => answer.id)).toEqual([10, 11, 12])
  })

  it('answers garbage params with diagnostics and keeps serving', async () => {
    const bad = await ask({ id: 20, method: 'evaluate', params: { expression: 1 } })
    expect(bad.result.ok).toBe(false)
    const good = await ask({ id: 21, method: 'analyze', params: { expression: 'u*v' } })
    expect(good.result.ok).toBe(true)
  })
})
