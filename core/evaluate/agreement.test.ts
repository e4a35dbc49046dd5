import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { derivative, printExpression } from '../expr'
import type { Node } from '../expr/ast'
import { evaluateForTests } from '../test-support/evaluate-numerically'
import { arbitraryNode } from '../test-support/expressions'
import { gradientAt } from './service'

/**
 * The three ways the app knows a derivative must agree: autograd (the numbers shown), the symbolic
 * derivative (the formula shown) and central finite differences (the definition), on random smooth
 * expressions of the language at random points.
 */

const coordinate = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: min * 1000, max: max * 1000 }).map((k) => k / 1000 + 0.000317)
const points = fc.record({ x: coordinate(-2, 2), u: coordinate(0.2, 2), v: coordinate(-2, 2) })

function autograd(f: Node, at: Record<string, number>) {
  const result = gradientAt({ expression: printExpression(f), point: at })
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '))
  return result.value
}

function close(a: number, b: number, relative: number): boolean {
  return Math.abs(a - b) <= relative * Math.max(1, Math.abs(a), Math.abs(b))
}

/** (f(a + h) − f(a − h)) / 2h with f computed by the engine itself. */
function centralDifference(f: Node, at: Record<string, number>, variable: string, scale: number) {
  const a = at[variable]!
  const h = scale * Math.max(1, Math.abs(a))
  const value = (delta: number) => autograd(f, { ...at, [variable]: a + delta }).value
  return (value(h) - value(-h)) / (2 * h)
}

describe('autograd, the symbolic derivative and finite differences', () => {
  it('agree on random smooth expressions at random points', () => {
    let checked = 0
    fc.assert(
      fc.property(
        arbitraryNode({ smooth: true, maxDepth: 4 }),
        points,
        fc.constantFrom('x', 'u', 'v'),
        (f, at, variable) => {
          const { value, gradient } = autograd(f, at)
          const slope = gradient[variable] ?? 0
          if (!Number.isFinite(value) || Math.abs(value) > 1e6 || !Number.isFinite(slope)) return
          const fine = centralDifference(f, at, variable, 1e-5)
          const coarse = centralDifference(f, at, variable, 1e-3)
          // Where two step sizes disagree, f is too curved (or undefined nearby) to trust a difference.
          if (!Number.isFinite(fine) || Math.abs(fine) > 1e5 || !close(fine, coarse, 1e-4)) return
          checked++
          const context = `d/d${variable} ${printExpression(f)} at ${JSON.stringify(at)}`
          expect(close(slope, fine, 1e-4), `${context}: autograd ${slope}, numeric ${fine}`).toBe(
            true,
          )
          const symbolic = evaluateForTests(derivative(f, variable), at)
          expect(
            close(symbolic, slope, 1e-9),
            `${context}: symbolic ${symbolic}, autograd ${slope}`,
          ).toBe(true)
        },
      ),
      { numRuns: 600 },
    )
    expect(checked).toBeGreaterThan(200)
  }, 60_000)
})
