import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import katex from 'katex'
import { derivative } from './derivative'
import { toLatex } from './latex'
import { parse } from './parser'
import { arbitraryNode } from '../test-support/expressions'

function latex(source: string): string {
  const { ast } = parse(source)
  if (!ast) throw new Error(source)
  return toLatex(ast)
}

describe('toLatex', () => {
  it.each([
    ['x^2 + 2x + 1', 'x^{2} + 2x + 1'],
    ['2x^3 + x', '2x^{3} + x'],
    ['u*v + u^2', 'u v + u^{2}'],
    ['u*v + (u*v)^2', 'u v + \\left(u v\\right)^{2}'],
    ['relu(x)', '\\operatorname{relu}\\left(x\\right)'],
    ['a/b', '\\frac{a}{b}'],
    ['sin(x)', '\\sin\\left(x\\right)'],
    ['sqrt(x)', '\\sqrt{x}'],
    ['abs(x - 1)', '\\left|x - 1\\right|'],
    ['exp(x^2)', 'e^{x^{2}}'],
    ['exp(x)^2', '\\left(e^{x}\\right)^{2}'],
    ['exp(1/x)', '\\exp\\left(\\frac{1}{x}\\right)'],
    ['ln(x)', '\\ln\\left(x\\right)'],
    ['log10(x)', '\\log_{10}\\left(x\\right)'],
    ['asin(x)', '\\arcsin\\left(x\\right)'],
    ['max(x, 0)', '\\max\\left(x, 0\\right)'],
    ['clamp(x, -1, 1)', '\\operatorname{clamp}\\left(x, -1, 1\\right)'],
    ['2pi x', '2\\pi x'],
    ['pi e', '\\pi e'],
    ['2*3', '2 \\cdot 3'],
    ['x*2', 'x \\cdot 2'],
    ['2*(1/x)', '2 \\cdot \\frac{1}{x}'],
    ['2 sin(x)', '2\\sin\\left(x\\right)'],
    ['x sin(x)', 'x\\sin\\left(x\\right)'],
    ['(x+1)(x-1)', '\\left(x + 1\\right)\\left(x - 1\\right)'],
    ['x*-y', 'x\\left(-y\\right)'],
    ['x - -y', 'x - \\left(-y\\right)'],
    ['x - (y + 1)', 'x - \\left(y + 1\\right)'],
    ['-(x + 1)', '-\\left(x + 1\\right)'],
    ['-x/2', '-\\frac{x}{2}'],
    ['x^y^z', 'x^{y^{z}}'],
    ['(x^y)^z', '\\left(x^{y}\\right)^{z}'],
    ['(-x)^2', '\\left(-x\\right)^{2}'],
    ['sin(x)^2', '\\sin\\left(x\\right)^{2}'],
    ['1e-7 x', '1 \\times 10^{-7}x'],
  ])('%s → %s', (source, expected) => {
    expect(latex(source)).toBe(expected)
  })

  it('writes derivatives the way the lab does', () => {
    const d = (source: string, variable: string): string => {
      const { ast } = parse(source)
      if (!ast) throw new Error(source)
      return toLatex(derivative(ast, variable))
    }
    expect(d('x^2 + 2x + 1', 'x')).toBe('2x + 2')
    expect(d('u*v + u^2', 'u')).toBe('v + 2u')
    expect(d('1/x', 'x')).toBe('-\\frac{1}{x^{2}}')
    expect(d('sin(x^2)', 'x')).toBe('2x\\cos\\left(x^{2}\\right)')
    expect(d('relu(x)', 'x')).toBe('\\operatorname{step}\\left(x\\right)')
    expect(d('abs(x)', 'x')).toBe('\\operatorname{sign}\\left(x\\right)')
    expect(d('sqrt(x)', 'x')).toBe('\\frac{1}{2\\sqrt{x}}')
  })

  it('typesets the catalog’s newer functions as operators, and erf′ as 2/√π·e^(−x²)', () => {
    const latex = (source: string): string => toLatex(parse(source).ast!)
    const d = (source: string): string => toLatex(derivative(parse(source).ast!, 'x'))
    expect(latex('erf(x) + log1p(x)')).toBe(
      '\\operatorname{erf}\\left(x\\right) + \\operatorname{log1p}\\left(x\\right)',
    )
    expect(latex('F.gelu(x) - silu(x) + expm1(x)')).toBe(
      '\\operatorname{gelu}\\left(x\\right) - \\operatorname{silu}\\left(x\\right) + \\operatorname{expm1}\\left(x\\right)',
    )
    expect(d('erf(x)')).toBe('\\frac{2e^{-x^{2}}}{\\sqrt{\\pi}}')
    expect(d('log1p(x)')).toBe('\\frac{1}{x + 1}')
  })
})

describe('toLatex: KaTeX accepts everything it writes', () => {
  it('renders random expressions and their derivatives', () => {
    fc.assert(
      fc.property(arbitraryNode({ maxDepth: 4 }), fc.constantFrom('x', 'u'), (node, variable) => {
        for (const latex of [toLatex(node), toLatex(derivative(node, variable))]) {
          expect(() => katex.renderToString(latex, { throwOnError: true }), latex).not.toThrow()
        }
      }),
      { numRuns: 300 },
    )
  }, 30_000)

  it('renders numbers in scientific notation', () => {
    for (const source of ['1e-7 x', '2.5e21 + x', '1e300^2']) {
      const { ast } = parse(source)
      if (!ast) throw new Error(source)
      expect(() => katex.renderToString(toLatex(ast), { throwOnError: true })).not.toThrow()
    }
  })
})
