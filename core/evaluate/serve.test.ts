import { describe, expect, it } from 'vitest'
import type { WorkerResponse } from '../protocol/api'
import { handleMessage, serve } from './serve'

const evaluateParams = { expression: 'x^2', point: { x: 2 }, wrt: 'x', domain: [-1, 1], samples: 3 }

describe('handleMessage', () => {
  it('answers an evaluate request with its id', () => {
    const response = handleMessage({ id: 7, method: 'evaluate', params: evaluateParams })
    expect(response?.id).toBe(7)
    expect(response?.result.ok).toBe(true)
  })

  it('validates the params before they reach the core', () => {
    const response = handleMessage({
      id: 1,
      method: 'evaluate',
      params: { ...evaluateParams, samples: NaN },
    })
    expect(response).toEqual({
      id: 1,
      result: {
        ok: false,
        diagnostics: [
          {
            code: 'invalid-request',
            message: "Invalid request: 'samples' must be a whole number from 2 to 200000.",
            span: [0, 0],
          },
        ],
      },
    })
  })

  it('answers an unknown method with a diagnostic', () => {
    const response = handleMessage({ id: 2, method: 'rm -rf', params: {} })
    expect(response?.result).toMatchObject({
      ok: false,
      diagnostics: [
        { code: 'invalid-request', message: "Invalid request: 'method' 'rm -rf' is unknown." },
      ],
    })
  })

  it('ignores messages that carry no id to answer', () => {
    for (const garbage of [null, 42, 'x', {}, { id: 'a' }, { id: 1.5 }]) {
      expect(handleMessage(garbage)).toBeNull()
    }
  })
  it('ignores, never throws on, a message whose fields cannot be read', () => {
    const throwing = new Proxy(
      {},
      {
        get() {
          throw new Error('no reading')
        },
      },
    )
    const getter = Object.defineProperty({}, 'id', {
      get() {
        throw new Error('no id')
      },
    })
    expect(handleMessage(throwing)).toBeNull()
    expect(handleMessage(getter)).toBeNull()
  })
})

describe('serve', () => {
  it('transfers the series buffers instead of copying them', () => {
    const posted: { message: WorkerResponse; transfer: ArrayBuffer[] }[] = []
    let handler: (message: unknown) => void = () => {}
    serve({
      post: (message, transfer) => posted.push({ message, transfer }),
      listen: (h) => (handler = h),
    })
    handler({ id: 3, method: 'evaluate', params: { ...evaluateParams, secondDerivative: true } })
    expect(posted).toHaveLength(1)
    expect(posted[0]!.transfer).toHaveLength(4)
    handler({ id: 4, method: 'analyze', params: { expression: 'x' } })
    expect(posted[1]!.transfer).toEqual([])
  })
})
