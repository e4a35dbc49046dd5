import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse } from '../expr'
import type { Node } from '../expr/ast'
import { arbitraryNode } from '../test-support/expressions'
import { generateSliceSource } from './codegen'
import { CompiledExpression, TEMPLATES } from './compiled'
import { sampleSlice } from './series'

/** Positions that include every awkward point of the rules: 0, ±1, ties, poles, huge values. */
const T = Float64Array.from([-1e6, -20.5, -3, -1, -0.5, -1e-300, 0, 1e-300, 0.5, 1, 2, 3, 21, 1e6])
const POINT = { x: 0.75, u: -1.25, v: 2 }

function compiledOf(expression: string): CompiledExpression {
  const { ast, diagnostics } = parse(expression)
  if (!ast) throw new Error(diagnostics.map((d) => d.message).join('; '))
  return new CompiledExpression(ast)
}

/** Same numbers bit for bit, NaN matching NaN, +0 differing from −0 as Object.is says. */
function expectIdentical(actual: Float64Array, expected: Float64Array, context: string): void {
  const differences = [...actual]
    .map((value, i) => ({ i, value, expected: expected[i]! }))
    .filter(({ value, expected }) => !Object.is(value, expected))
  expect(differences, context).toEqual([])
}

function expectSameSlices(compiled: CompiledExpression, wrt: string, context: string): void {
  const generated = sampleSlice(compiled, wrt, POINT, T)
  const interpreted = sampleSlice(compiled, wrt, POINT, T, { interpreted: true })
  expectIdentical(generated.f, interpreted.f, `f of ${context} along ${wrt}`)
  expectIdentical(generated.df, interpreted.df, `df of ${context} along ${wrt}`)
}

describe('the generated loop', () => {
  it.each([
    'x^2 + 2x + 1',
    'sin(x)*exp(-x^2/10)',
    'relu(x)',
    'u*v + (u*v)^2',
    '1/x',
    'log(x)',
    'sqrt(x)',
    'abs(x)',
    'x^0',
    'x^0.5',
    'x^3 - x^-2 + x^-1',
    'x^(1/2) + x^-0.5',
    'x^pi',
    'x^(2u)',
    '2^x',
    '0^x',
    '(-1)^x',
    'x^x',
    'min(x, 1)',
    'max(x, x)',
    'clamp(x, -1, 1)',
    'clamp(u, x, v)',
    'clamp(x, 1, -1)',
    'softplus(x)',
    'sigmoid(x)*tanh(x)',
    'asin(x) + acos(x) + atan(x)',
    'log2(x) + log10(x)',
    'sinh(x)/cosh(x) - tan(x)',
    'x*x*x - x/x',
    'pi*e',
    'u',
    'x',
  ])('computes %s exactly as the autograd engine', (expression) => {
    const compiled = compiledOf(expression)
    for (const wrt of ['x', 'u']) expectSameSlices(compiled, wrt, expression)
  })

  it('agrees with the engine on random expressions', () => {
    fc.assert(
      fc.property(
        arbitraryNode({ maxDepth: 4 }),
        fc.constantFrom('x', 'u', 'v'),
        (ast: Node, wrt) => {
          expectSameSlices(new CompiledExpression(ast), wrt, JSON.stringify(ast))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('hoists what does not vary with the plotted variable out of the loop', () => {
    const { source, held } = generateSliceSource(compiledOf('sin(u*v) * x').ast, 'x', TEMPLATES)
    expect(held).toEqual(['u', 'v'])
    const [beforeLoop] = source.split('for (')
    expect(beforeLoop).toContain('Math.sin')
  })

  it('writes only numbers the parser produced and its own names into the source', () => {
    const { source } = generateSliceSource(compiledOf('2.5e-3*x + pi').ast, 'x', TEMPLATES)
    expect(source).toContain('(0.0025)')
    expect(source).toContain(`(${Math.PI})`)
    expect(source).not.toMatch(/\bx\b/)
  })
})
