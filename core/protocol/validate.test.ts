import { describe, expect, it } from 'vitest'
import {
  validateAnalyzeRequest,
  validateEvaluateRequest,
  validateGradientRequest,
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
