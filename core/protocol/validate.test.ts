import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BUILD_TIMEOUT_MS,
  HANG_MS,
  hostile,
  hostileKind,
  HOSTILE_KINDS,
  timed,
} from '../test-support/hostile'
import { LIMITS } from './limits'
import {
  validateAnalyzeRequest,
  validateEvaluateRequest,
  validateGradientRequest,
  validateGraphRequest,
} from './validate'
import type { Result } from './result'

const valid = {
  expression: 'x^2',
  point: { x: 2, u: 1, v: 2 },
  wrt: 'x',
  domain: [-5, 5],
  samples: 200,
}

function messages(result: Result<unknown>): string[] {
  return result.ok ? [] : result.diagnostics.map((d) => d.message)
}

describe('validateEvaluateRequest', () => {
  it('accepts a well-formed request and returns a copy', () => {
    const result = validateEvaluateRequest({ ...valid, secondDerivative: true })
    expect(result).toEqual({ ok: true, value: { ...valid, secondDerivative: true } })
    expect(result.ok && result.value.point).not.toBe(valid.point)
  })

  it.each(['float64', 'float32'] as const)('accepts finite differences in %s', (precision) => {
    const result = validateEvaluateRequest({ ...valid, finiteDifferences: precision })
    expect(result).toEqual({ ok: true, value: { ...valid, finiteDifferences: precision } })
  })

  it.each([
    ['not an object', 42, "Invalid request: 'request' must be an object."],
    ['an array', [valid], "Invalid request: 'request' must be an object."],
    ['null', null, "Invalid request: 'request' must be an object."],
    [
      'a number expression',
      { ...valid, expression: 5 },
      "Invalid request: 'expression' must be a string.",
    ],
    [
      'a huge expression',
      { ...valid, expression: 'x+'.repeat(600) + 'x' },
      "Invalid request: 'expression' must be at most 1000 characters.",
    ],
    [
      'NaN in the point',
      { ...valid, point: { x: NaN } },
      "Invalid request: 'point.x' must be a finite number.",
    ],
    [
      'Infinity in the point',
      { ...valid, point: { x: Infinity } },
      "Invalid request: 'point.x' must be a finite number.",
    ],
    [
      'a string value',
      { ...valid, point: { x: '2' } },
      "Invalid request: 'point.x' must be a finite number.",
    ],
    [
      'a long variable name',
      { ...valid, point: { xx: 1 } },
      "Invalid request: 'point.xx' is not a variable name.",
    ],
    [
      "'e' as a variable",
      { ...valid, point: { e: 1 } },
      "Invalid request: 'point.e' is not a variable name.",
    ],
    [
      'wrt not a letter',
      { ...valid, wrt: 'xy' },
      "Invalid request: 'wrt' must be a single-letter variable name other than e.",
    ],
    [
      'an inverted domain',
      { ...valid, domain: [5, -5] },
      "Invalid request: 'domain' must have min < max.",
    ],
    [
      'an empty domain',
      { ...valid, domain: [1, 1] },
      "Invalid request: 'domain' must have min < max.",
    ],
    [
      'a NaN domain',
      { ...valid, domain: [NaN, 1] },
      "Invalid request: 'domain' must hold two finite numbers.",
    ],
    ['a short domain', { ...valid, domain: [1] }, "Invalid request: 'domain' must be [min, max]."],
    [
      'a domain too wide for a double (linspace would give NaN and Infinity)',
      { ...valid, domain: [-1e308, 1e308] },
      "Invalid request: 'domain' must have a finite width: max − min overflows to Infinity.",
    ],
    [
      'one sample',
      { ...valid, samples: 1 },
      "Invalid request: 'samples' must be a whole number from 2 to 200000.",
    ],
    [
      'too many samples',
      { ...valid, samples: 200_001 },
      "Invalid request: 'samples' must be a whole number from 2 to 200000.",
    ],
    [
      'fractional samples',
      { ...valid, samples: 10.5 },
      "Invalid request: 'samples' must be a whole number from 2 to 200000.",
    ],
    [
      'an unknown precision for finite differences',
      { ...valid, finiteDifferences: 'float16' },
      "Invalid request: 'finiteDifferences' must be 'float64' or 'float32'.",
    ],
    ['an unknown field', { ...valid, extra: 1 }, "Invalid request: 'extra' is not a known field."],
    [
      'a non-boolean flag',
      { ...valid, secondDerivative: 'yes' },
      "Invalid request: 'secondDerivative' must be true or false.",
    ],
  ])('refuses %s', (_name, request, message) => {
    const result = validateEvaluateRequest(request)
    expect(result.ok).toBe(false)
    expect(messages(result)).toContain(message)
  })

  it('reports every problem at once, each with the invalid-request code and an empty span', () => {
    const result = validateEvaluateRequest({
      expression: 1,
      point: [],
      wrt: 3,
      domain: 'x',
      samples: 0,
    })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.diagnostics).toHaveLength(5)
    for (const d of result.diagnostics) {
      expect(d.code).toBe('invalid-request')
      expect(d.span).toEqual([0, 0])
    }
  })

  it('refuses objects with a foreign prototype and a prototype-polluting key', () => {
    class Sneaky {
      expression = 'x'
    }
    expect(validateEvaluateRequest(new Sneaky()).ok).toBe(false)
    const polluted = JSON.parse('{"__proto__": 1}') as unknown
    expect(messages(validateEvaluateRequest({ ...valid, point: polluted }))).toContain(
      "Invalid request: 'point.__proto__' is not a variable name.",
    )
  })

  it('accepts every allowed letter as a variable', () => {
    const letters = 'abcdfghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'
    const point = Object.fromEntries([...letters].map((letter) => [letter, 1]))
    expect(validateEvaluateRequest({ ...valid, point }).ok).toBe(true)
  })
})

describe('validateAnalyzeRequest', () => {
  it('accepts an expression and nothing else', () => {
    expect(validateAnalyzeRequest({ expression: 'sin(x)' })).toEqual({
      ok: true,
      value: { expression: 'sin(x)' },
    })
    expect(messages(validateAnalyzeRequest({ expression: 'x', wrt: 'x' }))).toEqual([
      "Invalid request: 'wrt' is not a known field.",
    ])
    expect(validateAnalyzeRequest('x').ok).toBe(false)
  })
})

describe('validateGradientRequest', () => {
  it('accepts an expression and a point', () => {
    expect(validateGradientRequest({ expression: 'u*v', point: { u: 1, v: 2 } })).toEqual({
      ok: true,
      value: { expression: 'u*v', point: { u: 1, v: 2 } },
    })
  })
  it('refuses a NaN value and unknown fields', () => {
    expect(
      messages(validateGradientRequest({ expression: 'x', point: { x: NaN }, wrt: 'x' })),
    ).toEqual([
      "Invalid request: 'wrt' is not a known field.",
      "Invalid request: 'point.x' must be a finite number.",
    ])
  })
})

describe('validateGraphRequest', () => {
  const slice = { wrt: 'x', domain: [-1, 1], samples: 5 }
  it('accepts a point, with or without a slice', () => {
    expect(validateGraphRequest({ expression: 'x^2', point: { x: 2 } })).toEqual({
      ok: true,
      value: { expression: 'x^2', point: { x: 2 } },
    })
    expect(validateGraphRequest({ expression: 'x^2', point: { x: 2 }, slice })).toEqual({
      ok: true,
      value: { expression: 'x^2', point: { x: 2 }, slice },
    })
  })
  it('refuses a slice past maxGraphSamples, a bad domain and unknown slice fields', () => {
    const request = {
      expression: 'x',
      point: { x: 0 },
      slice: { wrt: 'e', domain: [1, 0], samples: LIMITS.maxGraphSamples + 1, extra: 1 },
    }
    expect(messages(validateGraphRequest(request))).toEqual([
      "Invalid request: 'slice.extra' is not a known field.",
      "Invalid request: 'slice.wrt' must be a single-letter variable name other than e.",
      "Invalid request: 'domain' must have min < max.",
      `Invalid request: 'slice.samples' must be a whole number from 2 to ${LIMITS.maxGraphSamples}.`,
    ])
    expect(messages(validateGraphRequest({ expression: 'x', point: { x: 0 }, slice: 3 }))).toEqual([
      "Invalid request: 'slice' must be an object with wrt, domain and samples.",
    ])
  })
})

describe('hostile requests', () => {
  const validators = {
    validateEvaluateRequest: [validateEvaluateRequest, valid],
    validateAnalyzeRequest: [validateAnalyzeRequest, { expression: 'x^2' }],
    validateGradientRequest: [validateGradientRequest, { expression: 'x^2', point: { x: 2 } }],
    validateGraphRequest: [
      validateGraphRequest,
      { expression: 'x^2', point: { x: 2 }, slice: { wrt: 'x', domain: [-1, 1], samples: 5 } },
    ],
  } as const

  /** Refused with diagnostics (never a throw), each message short, and quickly. */
  function expectRefused(guard: (value: unknown) => Result<unknown>, value: unknown): string[] {
    const { result, ms } = timed(() => guard(value))
    expect(result.ok).toBe(false)
    expect(ms).toBeLessThan(HANG_MS)
    const found = messages(result)
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThanOrEqual(LIMITS.maxFields + 6)
    for (const message of found) expect(message.length).toBeLessThan(300)
    return found
  }

  it.each(Object.keys(validators))(
    '%s refuses a million unknown keys with one diagnostic that counts them',
    (name) => {
      const [guard, base] = validators[name as keyof typeof validators]
      const huge = hostile('a million unknown fields beside valid ones', base)
      const count = Object.keys(base).length + 1_000_000
      expect(expectRefused(guard, huge)).toEqual([
        `Invalid request: 'request' has ${count} keys; at most ${LIMITS.maxFields} are allowed.`,
      ])
    },
    BUILD_TIMEOUT_MS,
  )

  it.each(Object.keys(validators))(
    '%s refuses every hostile value, as the request and as each field',
    (name) => {
      const [guard, base] = validators[name as keyof typeof validators]
      for (const kind of HOSTILE_KINDS) {
        expectRefused(guard, hostile(kind, base))
        for (const field of Object.keys(base)) {
          expectRefused(guard, { ...base, [field]: hostile(kind, { x: 1 }) })
        }
      }
    },
    BUILD_TIMEOUT_MS,
  )

  it(
    'refuses hostile values mixed with valid fields, in any combination (fast-check)',
    () => {
      const fields = Object.keys(valid)
      fc.assert(
        fc.property(fc.subarray(fields, { minLength: 1 }), hostileKind(), (spoiled, kind) => {
          const request: Record<string, unknown> = { ...valid }
          for (const field of spoiled) request[field] = hostile(kind, { x: 1 })
          expectRefused(validateEvaluateRequest, request)
          if (spoiled.includes('expression') || spoiled.includes('point'))
            expectRefused(validateGradientRequest, {
              expression: request.expression,
              point: request.point,
            })
        }),
        { numRuns: 50 },
      )
    },
    BUILD_TIMEOUT_MS,
  )

  it('quotes at most the start of a huge key', () => {
    const found = expectRefused(validateGradientRequest, {
      expression: 'x',
      point: { ['y'.repeat(1_000_000)]: 1 },
    })
    expect(found).toEqual([
      `Invalid request: 'point.${'y'.repeat(LIMITS.displayedKeyLength)}…' is not a variable name.`,
    ])
  })

  it('refuses a getter without calling it, and reads each field once', () => {
    let calls = 0
    const request = Object.defineProperty({ ...valid }, 'expression', {
      enumerable: true,
      get: () => (++calls === 1 ? 'x' : 'x'.repeat(5000)),
    })
    expect(messages(validateEvaluateRequest(request))).toEqual([
      "Invalid request: 'request' has a getter for 'expression'; only plain values are allowed.",
    ])
    expect(calls).toBe(0)
  })

  it('refuses a Proxy whose traps throw, as the request and as the point', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap')
        },
      },
    )
    expect(messages(validateEvaluateRequest(new Proxy({ ...valid }, {})))).toEqual([])
    expect(
      messages(
        validateAnalyzeRequest(
          new Proxy(
            { expression: 'x' },
            {
              ownKeys: () => {
                throw new Error('trap')
              },
            },
          ),
        ),
      ),
    ).toEqual(["Invalid request: 'request' cannot be read."])
    expect(messages(validateGradientRequest({ expression: 'x', point: trap }))).toEqual([
      "Invalid request: 'point' cannot be read.",
    ])
  })

  it('refuses a point with more variables than there are letters', () => {
    const point = Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`v${i}`, 1]))
    expect(messages(validateGradientRequest({ expression: 'x', point }))).toEqual([
      `Invalid request: 'point' has 60 keys; at most ${LIMITS.maxVariables} are allowed.`,
    ])
  })

  it('refuses a sparse domain of length 2^32 - 1 by its length', () => {
    expect(
      messages(
        validateEvaluateRequest({ ...valid, domain: hostile('a sparse array of length 2^32 - 1') }),
      ),
    ).toEqual(["Invalid request: 'domain' must be [min, max]."])
  })
})
