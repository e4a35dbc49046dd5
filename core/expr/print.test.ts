import { describe, expect, it } from 'vitest'
import { parse } from './parser'
import { printExpression } from './print'
import { variablesOf } from './variables'

function canonical(source: string): string {
  const { ast } = parse(source)
  if (!ast) throw new Error(source)
  return printExpression(ast)
}

describe('printExpression', () => {
  it.each([
    ['x^2+2x+1', 'x^2 + 2*x + 1'],
    ['2x^3 + x', '2*x^3 + x'],
    ['u v + (u v)^2', 'u*v + (u*v)^2'],
    ['torch.relu(x)', 'relu(x)'],
    ['F.softplus(x)', 'softplus(x)'],
    ['ln(x)', 'log(x)'],
    ['x ** 2', 'x^2'],
    ['π', 'pi'],
    ['a - (b - c)', 'a - (b - c)'],
    ['(a - b) - c', 'a - b - c'],
    ['a / (b * c)', 'a/(b*c)'],
    ['(a^b)^c', '(a^b)^c'],
    ['a^(b^c)', 'a^b^c'],
    ['-x^2', '-x^2'],
    ['(-x)^2', '(-x)^2'],
    ['2^-x', '2^-x'],
    ['x*-y', 'x*-y'],
    ['x - -y', 'x - -y'],
    ['-(x + 1)', '-(x + 1)'],
    ['--x', '-(-x)'],
    ['torch.clamp(x, -1, 1)', 'clamp(x, -1, 1)'],
    ['1e-7 x', '1e-7*x'],
    ['.5x', '0.5*x'],
  ])('%s → %s', (source, expected) => {
    expect(canonical(source)).toBe(expected)
  })
})

describe('variablesOf', () => {
  it('lists the variables used, sorted, once each', () => {
    const { ast } = parse('v*u + u^2 + sin(x) + e + pi')
    expect(ast && variablesOf(ast)).toEqual(['u', 'v', 'x'])
  })

  it('is empty for a constant expression', () => {
    const { ast } = parse('2 pi e')
    expect(ast && variablesOf(ast)).toEqual([])
  })
})
