import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from './parser'
import { printExpression } from './print'
import {
  add,
  arbitraryNode,
  call,
  div,
  e,
  mul,
  neg,
  num,
  pi,
  pow,
  spanlessTree,
  sub,
  v,
  type SpanlessTree,
} from '../test-support/expressions'

function tree(source: string): SpanlessTree {
  const result = parse(source)
  expect(result.diagnostics).toEqual([])
  if (!result.ast) throw new Error(`no tree for ${source}`)
  return spanlessTree(result.ast)
}

const x = v('x')
const u = v('u')

describe('parse: numbers, constants, variables', () => {
  it.each([
    ['2', num(2)],
    ['2.5', num(2.5)],
    ['.5', num(0.5)],
    ['2.', num(2)],
    ['1e-3', num(0.001)],
    ['2E+5', num(200000)],
    ['pi', pi],
    ['π', pi],
    ['e', e],
    ['x', x],
    ['Q', v('Q')],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected)
  })

  it('reads 2e as 2·e when no exponent digits follow', () => {
    expect(tree('2e')).toEqual(mul(num(2), e))
    expect(tree('2e+x')).toEqual(add(mul(num(2), e), x))
  })

  it('accepts the PyTorch and math spellings of the constants', () => {
    expect(tree('math.pi')).toEqual(pi)
    expect(tree('torch.pi * x')).toEqual(mul(pi, x))
    expect(tree('math.e')).toEqual(e)
  })
})

describe('parse: operators and precedence', () => {
  it.each([
    ['x + 1 - 2', sub(add(x, num(1)), num(2))],
    ['x * 2 / 3', div(mul(x, num(2)), num(3))],
    ['x^2^3', pow(x, pow(num(2), num(3)))],
    ['x ** 2', pow(x, num(2))],
    ['x**2**3', pow(x, pow(num(2), num(3)))],
    ['-x^2', neg(pow(x, num(2)))],
    ['-2^2', neg(pow(num(2), num(2)))],
    ['2^-1', pow(num(2), neg(num(1)))],
    ['2^-x', pow(num(2), neg(x))],
    ['x^-2^2', pow(x, neg(pow(num(2), num(2))))],
    ['+x', x],
    ['--x', neg(neg(x))],
    ['x - -1', sub(x, neg(num(1)))],
    ['-x*u', mul(neg(x), u)],
    ['(x + 1)^2', pow(add(x, num(1)), num(2))],
    ['2 − x', sub(num(2), x)],
    ['2 × x ÷ 3', div(mul(num(2), x), num(3))],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected)
  })
})

describe('parse: implicit multiplication binds like *', () => {
  it.each([
    ['2x', mul(num(2), x)],
    ['3u', mul(num(3), u)],
    ['2(x+1)', mul(num(2), add(x, num(1)))],
    ['(x+1)(x-1)', mul(add(x, num(1)), sub(x, num(1)))],
    ['x(x+1)', mul(x, add(x, num(1)))],
    ['2 sin(x)', mul(num(2), call('sin', x))],
    ['2pi x', mul(mul(num(2), pi), x)],
    ['2x^2', mul(num(2), pow(x, num(2)))],
    ['x y', mul(x, v('y'))],
    ['1/2x', mul(div(num(1), num(2)), x)],
    ['-2x', mul(neg(num(2)), x)],
    ['2^3x', mul(pow(num(2), num(3)), x)],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected)
  })

  it('multiplies a constant followed by a parenthesis: 2pi(x) is 2·π·x, e(x+1) is e·(x+1)', () => {
    expect(tree('2pi(x)')).toEqual(mul(mul(num(2), pi), x))
    expect(tree('e(x+1)')).toEqual(mul(e, add(x, num(1))))
  })
})

describe('parse: functions', () => {
  it.each([
    ['sin(x)', call('sin', x)],
    ['ln(x)', call('log', x)],
    ['log(x)', call('log', x)],
    ['log2(x)', call('log2', x)],
    ['log10(x)', call('log10', x)],
    ['sqrt (x)', call('sqrt', x)],
    ['torch.sin(x)', call('sin', x)],
    ['torch.relu(x)', call('relu', x)],
    ['F.relu(x)', call('relu', x)],
    ['torch.exp(x)', call('exp', x)],
    ['F.softplus(x)', call('softplus', x)],
    ['torch.nn.functional.softplus(x)', call('softplus', x)],
    ['torch.sigmoid(x)', call('sigmoid', x)],
    ['torch.log(x)', call('log', x)],
    ['torch.log10(x)', call('log10', x)],
    ['log1p(x)', call('log1p', x)],
    ['math.log1p(x)', call('log1p', x)],
    ['torch.special.log1p(x)', call('log1p', x)],
    ['expm1(x)', call('expm1', x)],
    ['torch.special.expm1(x)', call('expm1', x)],
    ['torch.erf(x)', call('erf', x)],
    ['torch.special.erf(x)', call('erf', x)],
    ['math.erf(x)', call('erf', x)],
    ['F.silu(x)', call('silu', x)],
    ['torch.nn.functional.gelu(x)', call('gelu', x)],
    ['torch.minimum(x, u)', call('min', x, u)],
    ['torch.maximum(x, u)', call('max', x, u)],
    ['torch.clamp(x, 0, 1)', call('clamp', x, num(0), num(1))],
    ['min(x, 2)', call('min', x, num(2))],
    ['max(x, 2)', call('max', x, num(2))],
    ['clamp(x, -1, 1)', call('clamp', x, neg(num(1)), num(1))],
    ['sin(x)^2', pow(call('sin', x), num(2))],
    ['arcsin(x)', call('asin', x)],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected)
  })
})

describe("parse: the lab's functions", () => {
  it.each([
    ['x^2', pow(x, num(2))],
    ['x^2 + 2x + 1', add(add(pow(x, num(2)), mul(num(2), x)), num(1))],
    ['2x^3 + x', add(mul(num(2), pow(x, num(3))), x)],
    ['u*v + u^2', add(mul(u, v('v')), pow(u, num(2)))],
    ['u*v + (u*v)^2', add(mul(u, v('v')), pow(mul(u, v('v')), num(2)))],
    ['relu(x)', call('relu', x)],
    ['torch.relu(x)', call('relu', x)],
    ['F.relu(x)', call('relu', x)],
    ['x ** 2', pow(x, num(2))],
  ])('%s', (source, expected) => {
    expect(tree(source)).toEqual(expected)
  })
})

describe('parse: spans', () => {
  it('gives each node the characters it came from; a group includes its parentheses', () => {
    const { ast } = parse('2(x + 1) - sin(u)')
    expect(ast).toMatchObject({
      kind: 'binary',
      op: 'sub',
      span: [0, 17],
      left: { span: [0, 8], right: { span: [1, 8] } },
      right: { kind: 'call', span: [11, 17], args: [{ span: [15, 16] }] },
    })
  })
})

describe('parse: diagnostics (exact text and span)', () => {
  const cases: [string, unknown[]][] = [
    [
      'x^^2',
      [
        {
          code: 'unexpected-token',
          message: "Expected a number, a variable or '(' but found '^'.",
          span: [2, 3],
        },
      ],
    ],
    [
      'sinn(x)',
      [
        {
          code: 'unknown-function',
          message: "Unknown function 'sinn' — did you mean 'sin'?",
          span: [0, 4],
          fix: { label: "Replace with 'sin'", span: [0, 4], replacement: 'sin' },
        },
      ],
    ],
    [
      'uv',
      [
        {
          code: 'unknown-name',
          message: "Unknown name 'uv' — did you mean 'u*v'? Variables are single letters.",
          span: [0, 2],
          fix: { label: "Replace with 'u*v'", span: [0, 2], replacement: 'u*v' },
        },
      ],
    ],
    [
      'sinx + 1',
      [
        {
          code: 'unknown-name',
          message: "Unknown name 'sinx' — did you mean 'sin(x)'? Variables are single letters.",
          span: [0, 4],
          fix: { label: "Replace with 'sin(x)'", span: [0, 4], replacement: 'sin(x)' },
        },
      ],
    ],
    [
      'foo(x)',
      [
        {
          code: 'unknown-function',
          message:
            "Unknown function 'foo'. The functions are sin, cos, tan, asin, acos, atan, sinh, cosh, " +
            'tanh, exp, log, log2, log10, sqrt, reciprocal, abs, relu, sigmoid, softplus, min(a,b), max(a,b), ' +
            'clamp(x,lo,hi), log1p, expm1, erf, silu, gelu, floor, ceil, round, sign, step, frac ' +
            '(see Syntax help).',
          span: [0, 3],
        },
      ],
    ],
    [
      'torch.sine(x)',
      [
        {
          code: 'unknown-function',
          message: "Unknown function 'torch.sine' — did you mean 'torch.sin'?",
          span: [0, 10],
          fix: { label: "Replace with 'torch.sin'", span: [0, 10], replacement: 'torch.sin' },
        },
      ],
    ],
    [
      '(x+1',
      [{ code: 'unclosed-parenthesis', message: "This '(' is never closed.", span: [0, 1] }],
    ],
    [
      'x+1)',
      [{ code: 'unmatched-parenthesis', message: "This ')' has no matching '('.", span: [3, 4] }],
    ],
    [
      '2x+',
      [{ code: 'missing-operand', message: "'+' is missing a value on its right.", span: [2, 3] }],
    ],
    [
      '-',
      [{ code: 'missing-operand', message: "'-' is missing a value on its right.", span: [0, 1] }],
    ],
    [
      'sin(',
      [
        {
          code: 'unexpected-end',
          message: "The expression ends too early: expected a number, a variable or '('.",
          span: [4, 4],
        },
      ],
    ],
    [
      'min(x)',
      [{ code: 'wrong-arity', message: 'min() takes 2 arguments, but 1 was given.', span: [0, 6] }],
    ],
    [
      'torch.sin(x, 2)',
      [
        {
          code: 'wrong-arity',
          message: 'torch.sin() takes 1 argument, but 2 were given.',
          span: [0, 15],
        },
      ],
    ],
    [
      'sin()',
      [{ code: 'wrong-arity', message: 'sin() takes 1 argument, but 0 were given.', span: [0, 5] }],
    ],
    ['$', [{ code: 'unexpected-character', message: "Unexpected character '$'.", span: [0, 1] }]],
    [
      'x + 😀',
      [{ code: 'unexpected-character', message: "Unexpected character '😀'.", span: [4, 6] }],
    ],
    [
      '1.2.3',
      [{ code: 'invalid-number', message: "'1.2.3' is not a valid number.", span: [0, 5] }],
    ],
    [
      '1e999',
      [{ code: 'invalid-number', message: "'1e999' is not a valid number.", span: [0, 5] }],
    ],
    [
      'sin x',
      [
        {
          code: 'missing-call',
          message: "'sin' is a function: write sin(…).",
          span: [0, 3],
          fix: { label: "Replace with 'sin(x)'", span: [0, 5], replacement: 'sin(x)' },
        },
      ],
    ],
    [
      'sin 2x',
      [{ code: 'missing-call', message: "'sin' is a function: write sin(…).", span: [0, 3] }],
    ],
    [
      'relu',
      [{ code: 'missing-call', message: "'relu' is a function: write relu(…).", span: [0, 4] }],
    ],
    [
      '()',
      [
        {
          code: 'unexpected-token',
          message: "Expected a number, a variable or '(' but found ')'.",
          span: [1, 2],
        },
      ],
    ],
    [
      'x2',
      [
        {
          code: 'unexpected-token',
          message: "Expected an operator such as + or * but found '2'.",
          span: [1, 2],
          fix: { label: "Insert '*'", span: [1, 1], replacement: '*' },
        },
      ],
    ],
    [
      '(x, u)',
      [{ code: 'unexpected-token', message: "Expected ')' but found ','.", span: [2, 3] }],
    ],
    [
      '   ',
      [
        {
          code: 'empty-expression',
          message: 'Type a function, for example x^2 + 2x + 1.',
          span: [0, 3],
        },
      ],
    ],
    [
      '',
      [
        {
          code: 'empty-expression',
          message: 'Type a function, for example x^2 + 2x + 1.',
          span: [0, 0],
        },
      ],
    ],
  ]
  it.each(cases)('%s', (source, expected) => {
    const result = parse(source)
    expect(result.ast).toBeNull()
    expect(result.diagnostics).toEqual(expected)
  })

  it('reports several problems in one input, in reading order', () => {
    const result = parse('sinn(x) + uv * (x^^2')
    expect(result.ast).toBeNull()
    expect(result.diagnostics.map((d) => [d.code, d.span])).toEqual([
      ['unknown-function', [0, 4]],
      ['unknown-name', [10, 12]],
      ['unclosed-parenthesis', [15, 16]],
      ['unexpected-token', [18, 19]],
    ])
  })

  it('keeps going after a stray parenthesis and a stray character', () => {
    const result = parse('x+1) + $ + min(x)')
    expect(result.diagnostics.map((d) => d.code)).toEqual([
      'unmatched-parenthesis',
      'unexpected-character',
      'wrong-arity',
    ])
  })

  it('refuses an input over the length limit without parsing it', () => {
    const source = 'x+'.repeat(600) + 'x'
    expect(parse(source)).toEqual({
      ast: null,
      diagnostics: [
        {
          code: 'expression-too-long',
          message: 'The expression is 1201 characters long; the limit is 1000.',
          span: [1000, 1201],
        },
      ],
    })
  })

  it('accepts nesting 100 deep and stops at 101 with one diagnostic', () => {
    expect(parse('('.repeat(100) + 'x' + ')'.repeat(100)).diagnostics).toEqual([])
    expect(parse('('.repeat(101) + 'x' + ')'.repeat(101)).diagnostics).toEqual([
      {
        code: 'nesting-too-deep',
        message: 'The expression is nested more than 100 levels deep.',
        span: [100, 101],
      },
    ])
    expect(parse('-'.repeat(101) + 'x').diagnostics.map((d) => d.code)).toEqual([
      'nesting-too-deep',
    ])
    expect(parse('sin('.repeat(150) + 'x').diagnostics.map((d) => d.code)).toEqual([
      'nesting-too-deep',
    ])
  })
})

describe('parse: properties', () => {
  it('reads back what printExpression writes, for random trees', () => {
    fc.assert(
      fc.property(arbitraryNode(), (node) => {
        const text = printExpression(node)
        const result = parse(text)
        expect(result.diagnostics).toEqual([])
        expect(result.ast && spanlessTree(result.ast)).toEqual(spanlessTree(node))
      }),
      { numRuns: 500 },
    )
  }, 30_000)

  const awkward = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...'()x+-*/^,. 2e5sinπ$'.split('')), maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.constantFrom(
      '('.repeat(5000),
      ')'.repeat(999),
      '-'.repeat(999),
      '2^'.repeat(499) + '2',
      'sin('.repeat(250),
      'x'.repeat(1000),
      '1+'.repeat(499) + '1',
      '('.repeat(999),
    ),
  )

  it('never throws, and every span lies inside the input', () => {
    fc.assert(
      fc.property(awkward, (source) => {
        const result = parse(source)
        expect(result.ast === null).toBe(result.diagnostics.length > 0)
        for (const d of result.diagnostics) {
          expect(d.span[0]).toBeGreaterThanOrEqual(0)
          expect(d.span[0]).toBeLessThanOrEqual(d.span[1])
          expect(d.span[1]).toBeLessThanOrEqual(source.length)
          if (d.fix) expect(d.fix.span[1]).toBeLessThanOrEqual(source.length)
        }
      }),
      { numRuns: 1000 },
    )
  }, 30_000)
})

describe('parse: PyTorch keyword arguments and equations', () => {
  it('reads torch.clamp(x, min=…, max=…) in either order', () => {
    expect(tree('torch.clamp(x, min=0, max=1)')).toEqual(call('clamp', x, num(0), num(1)))
    expect(tree('clamp(x, max=u + 1, min=-1)')).toEqual(
      call('clamp', x, neg(num(1)), add(u, num(1))),
    )
  })

  const cases: [string, unknown[]][] = [
    [
      'torch.clamp(x, min=0)',
      [
        {
          code: 'wrong-arity',
          message:
            'torch.clamp() needs both bounds here; for one bound use max(x, lo) or min(x, hi).',
          span: [0, 21],
          fix: { label: "Replace with 'max(x, 0)'", span: [0, 21], replacement: 'max(x, 0)' },
        },
      ],
    ],
    [
      'clamp(x, max=u+1)',
      [
        {
          code: 'wrong-arity',
          message: 'clamp() needs both bounds here; for one bound use max(x, lo) or min(x, hi).',
          span: [0, 17],
          fix: { label: "Replace with 'min(x, u+1)'", span: [0, 17], replacement: 'min(x, u+1)' },
        },
      ],
    ],
    [
      'sin(x, min=2)',
      [{ code: 'unexpected-token', message: "sin() has no argument named 'min'.", span: [7, 10] }],
    ],
    [
      'clamp(x, min=0, min=1)',
      [{ code: 'unexpected-token', message: "The argument 'min' is given twice.", span: [16, 19] }],
    ],
    [
      'clamp(x, min=0, 1)',
      [
        {
          code: 'unexpected-token',
          message: 'A positional argument cannot follow a keyword argument.',
          span: [16, 17],
        },
      ],
    ],
    [
      'x = 2',
      [
        {
          code: 'unexpected-token',
          message:
            "Type only the right-hand side: the app names the function itself, so remove 'x ='.",
          span: [0, 3],
          fix: { label: "Remove 'x ='", span: [0, 4], replacement: '' },
        },
      ],
    ],
    [
      'x + = 2',
      [
        {
          code: 'unexpected-token',
          message: "Expected a number, a variable or '(' but found '='.",
          span: [4, 5],
        },
      ],
    ],
  ]
  it.each(cases)('%s', (source, expected) => {
    const result = parse(source)
    expect(result.ast).toBeNull()
    expect(result.diagnostics).toEqual(expected)
  })

  it('checks the right side of an equation too', () => {
    expect(parse('a = sinn(x)').diagnostics.map((d) => d.code)).toEqual([
      'unexpected-token',
      'unknown-function',
    ])
    expect(parse('y = sinn(x)').diagnostics.map((d) => d.code)).toEqual(['unknown-function'])
  })

  it.each(['f(x) = x^2', 'y = x^2', 'f = x^2', 'g(t) = x^2'])(
    'reads the definition %s as the function on its right side, as Desmos does',
    (source) => {
      const result = parse(source)
      expect(result.diagnostics).toEqual([])
      expect(spanlessTree(result.ast!)).toEqual(spanlessTree(parse('x^2').ast!))
    },
  )
})

describe('parse: textbook notation', () => {
  it('offers sin(x)^2 for sin^2(x)', () => {
    expect(parse('sin^2(x) + 1').diagnostics).toEqual([
      {
        code: 'missing-call',
        message: 'Write the power after the call: sin(…)^2.',
        span: [0, 3],
        fix: { label: "Replace with 'sin(x)^2'", span: [0, 8], replacement: 'sin(x)^2' },
      },
    ])
  })

  it('multiplies a single-letter variable before a parenthesis, as x(x+1) is written', () => {
    expect(tree('f(x)')).toEqual(mul(v('f'), x))
  })

  it.each([
    ['|x|', 'abs(x)'],
    ['2|x|', '2*abs(x)'],
    ['|x - 1| + |x + 1|', 'abs(x - 1) + abs(x + 1)'],
    ['|x|*|u|', 'abs(x)*abs(u)'],
    ['|sin(x)|^2', 'abs(sin(x))^2'],
  ])('reads the bars of %s as abs', (source, same) => {
    expect(tree(source)).toEqual(tree(same))
  })

  it('says an unclosed bar is never closed', () => {
    expect(parse('|x + 1').diagnostics).toEqual([
      { code: 'unclosed-parenthesis', message: "This '|' is never closed.", span: [0, 1] },
    ])
  })

  it.each([
    ['x²', 'x^2'],
    ['2x³ + x', '2x^3 + x'],
    ['x⁻¹', 'x^-1'],
    ['x¹⁰', 'x^10'],
    ['(x+1)²', '(x+1)^2'],
    ['|x|²', 'abs(x)^2'],
  ])('reads the superscript in %s as a power', (source, same) => {
    expect(tree(source)).toEqual(tree(same))
  })

  it('refuses a superscript minus without digits', () => {
    expect(parse('x⁻').diagnostics.map((d) => d.code)).toEqual(['unexpected-character'])
  })

  it.each([
    ['d/dx x^2', [0, 5]],
    ['d/dx(x^2)', [0, 4]],
    ['d/du u*v', [0, 5]],
  ])(
    'says the derivative of %s is shown below, with a fix that removes d/dx',
    (source, fixSpan) => {
      const variable = source[3]
      expect(parse(source).diagnostics).toEqual([
        {
          code: 'derivative-notation',
          message: `No need to write d/d${variable}: type only the function; the derivative is shown below.`,
          span: [0, 4],
          fix: { label: `Remove 'd/d${variable}'`, span: fixSpan, replacement: '' },
        },
      ])
    },
  )

  it.each(['step(x)', 'sign(x)', 'floor(x)', 'ceil(x)', 'round(x)', 'frac(x)'])(
    'parses %s, as the app shows it',
    (source) => {
      expect(parse(source).diagnostics).toEqual([])
    },
  )
})
