import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../protocol/limits'
import { spanlessTree } from '../test-support/expressions'
import { parse } from './parser'
import { canonicalText, printCompact, printExpression } from './print'
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
    ['--x', '--x'],
    ['-(-(-x))', '---x'],
    ['x - -(-y)', 'x - --y'],
    ['2^--x', '2^--x'],
    ['torch.clamp(x, -1, 1)', 'clamp(x, -1, 1)'],
    ['1e-7 x', '1e-7*x'],
    ['.5x', '0.5*x'],
  ])('%s → %s', (source, expected) => {
    expect(canonical(source)).toBe(expected)
  })
})

/** The canonical text of an accepted input parses back, without a diagnostic, to the same tree. */
function expectRoundTrip(source: string): string {
  const first = parse(source)
  expect(first.diagnostics, source.slice(0, 80)).toEqual([])
  if (!first.ast) throw new Error(source)
  const text = canonicalText(first.ast, source)
  expect(text.length).toBeLessThanOrEqual(LIMITS.expressionLength)
  const again = parse(text)
  expect(again.diagnostics, text.slice(0, 80)).toEqual([])
  expect(again.ast && spanlessTree(again.ast)).toEqual(spanlessTree(first.ast))
  return text
}

describe('canonicalText: every accepted input, printed, is accepted again as the same tree', () => {
  const depth = LIMITS.nestingDepth
  it.each([
    ['a sum of 999 characters', 'x+'.repeat(499) + 'x'],
    ['a sum of exactly 1,000 characters', 'x-'.repeat(499) + '10'],
    ['55 minus signs', '-'.repeat(55) + 'x'],
    [`${depth} minus signs (the nesting limit)`, '-'.repeat(depth) + 'x'],
    [
      `${depth} minus signs, each in parentheses`,
      '-('.repeat(depth / 2) + 'x' + ')'.repeat(depth / 2),
    ],
    [`${depth} parentheses`, '('.repeat(depth) + 'x' + ')'.repeat(depth)],
    [`${depth} nested calls`, 'sin('.repeat(depth) + 'x' + ')'.repeat(depth)],
    ['a tower of 500 powers', '2^'.repeat(499) + '2'],
    ['halves written .5', '.5+'.repeat(333)],
    ['powers of ten written 1e9', '1e9*'.repeat(249) + '1e9'],
    ['π spelled as one character', 'π+'.repeat(499) + 'π'],
    ['ln, shorter than log', 'ln(x)+'.repeat(166) + 'x'],
    ['implicit products', '2x+'.repeat(333)],
    ['a sum of negations', 'x' + ' - -x'.repeat(199)],
  ])('%s', (_name, source) => {
    const input = source.replace(/[+*]$/, '')
    expect(input.length).toBeLessThanOrEqual(LIMITS.expressionLength)
    expectRoundTrip(input)
  })

  it('prints the spaced form while it fits, then the compact one', () => {
    expect(expectRoundTrip('x+x')).toBe('x + x')
    const sum = 'x+'.repeat(499) + 'x'
    expect(expectRoundTrip(sum)).toBe(sum)
    expect(expectRoundTrip('clamp(x,-1,1)+x')).toBe('clamp(x, -1, 1) + x')
  })

  it('never needs more nesting than the input: a chain of negations prints without parentheses', () => {
    expect(expectRoundTrip('-'.repeat(55) + 'x')).toBe('-'.repeat(55) + 'x')
    expect(expectRoundTrip('-(-(-x))')).toBe('---x')
  })

  it('compact text reads back as the spaced text does', () => {
    for (const source of [
      'x - -y',
      'clamp(x, -1, 1) - (a - b)',
      '1e-7 - x',
      '2*e - 5',
      'x^-2 - 3',
    ]) {
      const { ast } = parse(source)
      if (!ast) throw new Error(source)
      expect(spanlessTree(parse(printCompact(ast)).ast!)).toEqual(spanlessTree(ast))
    }
  })

  it('holds for random inputs near the length limit (fast-check)', () => {
    const operand = fc.constantFrom(
      'x',
      'u',
      '2x',
      '.5',
      '1e9',
      'π',
      'e',
      'ln(x)',
      '-x',
      '--x',
      '(x+1)',
      'sin(-x)',
      '2^-x',
      'x^2',
      'torch.relu(x)',
      'clamp(x,-1,1)',
      '1e-7',
    )
    const operator = fc.constantFrom('+', '-', '*', '/', '^', ' - -', '*-')
    // Pieces are added while they fit, so most inputs end within a few characters of the limit.
    const source = fc
      .tuple(
        operand,
        fc.array(fc.tuple(operator, operand), { minLength: 50, maxLength: 400, size: 'max' }),
      )
      .map(([first, rest]) =>
        rest.reduce<string>((text, [op, next]) => {
          const longer = text + op + next
          return longer.length <= LIMITS.expressionLength ? longer : text
        }, first),
      )
    fc.assert(
      fc.property(source, (text) => {
        const parsed = parse(text)
        if (parsed.ast) expectRoundTrip(text)
      }),
      { numRuns: 300 },
    )
  }, 60_000)
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
