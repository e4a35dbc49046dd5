import { describe, expect, it } from 'vitest'
import type { EvaluateRequest, EvaluateResult } from '../protocol/api'
import type { Result } from '../protocol/result'
import { analyze, evaluate, gradientAt } from './service'

function request(expression: string, point: Record<string, number>, wrt = 'x'): EvaluateRequest {
  return { expression, point, wrt, domain: [-5, 5], samples: 11 }
}

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '))
  return result.value
}

describe('the lab, step by step (PyTorch values)', () => {
  it('y = x² at x = 2: y = 4, dy/dx = 4', () => {
    const r = value(evaluate(request('x^2', { x: 2 })))
    expect([r.value, r.gradient.x]).toEqual([4, 4])
    expect(r.tangent).toEqual({ slope: 4, intercept: -4 })
  })

  it('y = x² + 2x + 1 at x = 2: y = 9, dy/dx = 6', () => {
    const r = value(gradientAt({ expression: 'x^2 + 2x + 1', point: { x: 2 } }))
    expect([r.value, r.gradient.x]).toEqual([9, 6])
  })

  it('practice: y = 2x³ + x at x = 1: y = 3, dy/dx = 7', () => {
    const r = value(gradientAt({ expression: '2x^3 + x', point: { x: 1 } }))
    expect([r.value, r.gradient.x]).toEqual([3, 7])
  })

  it('f = uv + u² at u = 1, v = 2: f = 3, ∂f/∂u = 4, ∂f/∂v = 1', () => {
    const r = value(evaluate(request('u*v + u^2', { u: 1, v: 2, x: 0 }, 'u')))
    expect(r.variables).toEqual(['u', 'v'])
    expect(r.value).toBe(3)
    expect(r.gradient).toEqual({ u: 4, v: 1 })
    expect(r.tangent.slope).toBe(4)
  })

  it('practice: f = uv + (uv)² at u = 2, v = 1: f = 6, ∂f/∂u = 5, ∂f/∂v = 10', () => {
    const r = value(gradientAt({ expression: 'u*v + (u*v)^2', point: { u: 2, v: 1 } }))
    expect([r.value, r.gradient.u, r.gradient.v]).toEqual([6, 5, 10])
  })

  it('the sum trick over linspace(−10, 10, 10): f′ = 2x at each point', () => {
    const r = value(evaluate({ ...request('x^2', { x: 0 }), domain: [-10, 10], samples: 10 }))
    expect(r.series.t).toHaveLength(10)
    r.series.t.forEach((x, i) => {
      expect(r.series.f[i]).toBe(x * x)
      expect(r.series.df[i]).toBe(2 * x)
    })
  })

  it('relu over linspace(−3, 3, 100): slope 0 left of 0, 1 right of it', () => {
    const r = value(evaluate({ ...request('relu(x)', { x: 0 }), domain: [-3, 3], samples: 100 }))
    r.series.t.forEach((x, i) => expect(r.series.df[i]).toBe(x < 0 ? 0 : 1))
    expect(r.series.t.includes(0)).toBe(false)
  })
})

describe('evaluate', () => {
  it('plots the slice through the point: the held variables keep their slider values', () => {
    const r = value(evaluate(request('u*v + u^2', { u: 1, v: 2 }, 'u')))
    r.series.t.forEach((u, i) => {
      expect(r.series.f[i]).toBeCloseTo(u * 2 + u * u, 12)
      expect(r.series.df[i]).toBeCloseTo(2 + 2 * u, 12)
    })
  })

  it('plots a flat slice with slope 0 when f does not use the plotted variable', () => {
    const r = value(evaluate(request('u^2', { u: 3, x: 1 })))
    expect(r.gradient).toEqual({ u: 6 })
    expect(r.tangent).toEqual({ slope: 0, intercept: 9 })
    expect([...r.series.f]).toEqual(new Array(11).fill(9))
    expect([...r.series.df]).toEqual(new Array(11).fill(0))
  })

  it('gives f″ on request, through a differentiable backward pass', () => {
    const r = value(evaluate({ ...request('x^3', { x: 1 }), secondDerivative: true }))
    r.series.t.forEach((x, i) => expect(r.series.d2f![i]).toBeCloseTo(6 * x, 12))
    expect(value(evaluate(request('x^3', { x: 1 }))).series.d2f).toBeUndefined()
    const linear = value(evaluate({ ...request('2x + 1', { x: 1 }), secondDerivative: true }))
    expect([...linear.series.d2f!]).toEqual(new Array(11).fill(0))
  })

  it('keeps IEEE values where the math breaks down', () => {
    const r = value(evaluate(request('1/x', { x: 0 })))
    expect(r.value).toBe(Infinity)
    expect(r.gradient.x).toBe(-Infinity)
    expect(value(gradientAt({ expression: 'log(x)', point: { x: -1 } })).value).toBeNaN()
    expect(value(gradientAt({ expression: 'sqrt(x)', point: { x: 0 } })).gradient.x).toBe(Infinity)
  })

  it("runs x^2 as PyTorch's x ** 2 does: exactly x·x, not pow(x, 2)", () => {
    const r = value(evaluate(request('x^2 + x^0.5', { x: 0.1 })))
    expect(r.value).toBe(0.1 * 0.1 + Math.sqrt(0.1))
    expect(r.gradient.x).toBe(2 * 0.1 + 0.5 * (1 / Math.sqrt(0.1)))
  })

  it('returns LaTeX for f and the symbolic derivative, and the PyTorch code', () => {
    const r: EvaluateResult = value(evaluate(request('x^2 + 2x + 1', { x: 2 })))
    expect(r.latex.f).toBe('x^{2} + 2x + 1')
    expect(r.latex.df).toBe('2x + 2')
    expect(r.torch).toContain('x = torch.tensor(2.0, requires_grad=True)')
    expect(r.torch).toContain('y.backward()')
  })

  it('does not send a derivative formula too long to typeset', () => {
    const tower = Array.from({ length: 40 }, () => 'x').join('^')
    const r = value(evaluate(request(tower, { x: 1.1 })))
    expect(r.latex.df).toBe('\\text{(too long to display)}')
    expect(Number.isFinite(r.gradient.x)).toBe(true)
  })

  it('reports every variable without a value, at its first occurrence', () => {
    const result = evaluate(request('a*x + b*a', { x: 1 }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.diagnostics).toEqual([
      { code: 'missing-variable', message: "No value given for the variable 'a'.", span: [0, 1] },
      { code: 'missing-variable', message: "No value given for the variable 'b'.", span: [6, 7] },
    ])
  })

  it('passes the parser diagnostics through', () => {
    const result = evaluate(request('x^^2', { x: 1 }))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.diagnostics[0]!.span).toEqual([2, 3])
  })
})

describe('analyze', () => {
  it('lists the variables and the formula before anything is evaluated', () => {
    expect(value(analyze({ expression: 'a x^2 + u' }))).toEqual({
      variables: ['a', 'u', 'x'],
      latex: expect.any(String) as string,
      canonical: 'a*x^2 + u',
    })
  })

  it('answers canonical text that parses back, even for inputs at the limits', () => {
    const sum = 'x+'.repeat(499) + 'x' // 999 characters; spaced, 1,997
    expect(value(analyze({ expression: sum })).canonical).toBe(sum)
    const minus = '-'.repeat(55) + 'x' // `-(-(…x))` would be nested 109 deep
    expect(value(analyze({ expression: minus })).canonical).toBe(minus)
    for (const expression of [sum, minus]) {
      const canonical = value(analyze({ expression })).canonical
      expect(analyze({ expression: canonical }).ok).toBe(true)
    }
  })
})
