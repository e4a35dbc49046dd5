import { describe, expect, it } from 'vitest'
import type { EvaluateRequest, FiniteDifferences, Precision } from '../protocol/api'
import { evaluate } from './service'

function fdOf(expression: string, precision: Precision, domain: [number, number] = [-3, 3]) {
  const request: EvaluateRequest = {
    expression,
    point: { x: 1, y: 0.5 },
    wrt: 'x',
    domain,
    samples: 41,
    finiteDifferences: precision,
  }
  const result = evaluate(request)
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '))
  return { series: result.value.series, fd: result.value.series.fd as FiniteDifferences }
}

const max = (values: Float64Array) => Math.max(...values)

describe('finite differences along the slice', () => {
  it.each(['x^2', 'sin(x) * exp(x / 3)', 'tanh(x) + x * y', 'log(1 + x^2)'])(
    '%s: float64 central differences agree with autograd within 1e-6',
    (expression) => {
      const { series, fd } = fdOf(expression, 'float64')
      expect(fd.eps).toBe(1e-6)
      expect(fd.fd).toHaveLength(series.t.length)
      for (let i = 0; i < series.t.length; i++) {
        expect(Math.abs(fd.fd[i]! - series.df[i]!)).toBeLessThan(1e-6)
        expect(fd.error[i]).toBe(Math.abs(series.df[i]! - fd.fd[i]!))
      }
    },
  )

  it('x^2: float32 cancellation makes the error at least 1e4 times larger than float64', () => {
    const f64 = fdOf('x^2', 'float64', [1, 3]).fd
    const f32 = fdOf('x^2', 'float32', [1, 3]).fd
    expect(f32.eps).toBe(Math.fround(1e-6))
    expect(max(f32.error)).toBeGreaterThan(1e-3)
    expect(max(f32.error)).toBeGreaterThan(1e4 * max(f64.error))
  })

  it('relu at 0: the central difference is 0.5 where autograd says 0 (gradcheck fails there)', () => {
    const { series, fd } = fdOf('relu(x)', 'float64', [-1, 1])
    const zero = series.t.indexOf(0)
    expect(zero).toBeGreaterThan(-1)
    expect(series.df[zero]).toBe(0)
    expect(fd.fd[zero]).toBeCloseTo(0.5, 9)
    expect(fd.error[zero]).toBeCloseTo(0.5, 9)
  })

  it('is absent unless asked for', () => {
    const result = evaluate({
      expression: 'x^2',
      point: { x: 1 },
      wrt: 'x',
      domain: [-1, 1],
      samples: 5,
    })
    expect(result.ok && result.value.series.fd).toBe(undefined)
  })
})
