import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from './parser'
import { arbitraryNode, asProgramReadsBack, spanlessTree } from '../test-support/expressions'
import { pythonFloat, pythonNumber } from './python-number'
import { toTorch, type TorchOptions } from './torch'

function torch(source: string, options: TorchOptions): string {
  const { ast } = parse(source)
  if (!ast) throw new Error(source)
  return toTorch(ast, options)
}

describe("toTorch: the lab's programs", () => {
  it('y = x^2 at x = 2', () => {
    expect(torch('x^2', { point: { x: 2 }, variables: ['x'], wrt: 'x' })).toBe(
      [
        'import torch',
        '',
        'torch.set_default_dtype(torch.float64)',
        '',
        'x = torch.tensor(2.0, requires_grad=True)',
        'y = x ** 2',
        'y.backward()',
        'print("y =", y)',
        'print("dy/dx =", x.grad)',
        '',
      ].join('\n'),
    )
  })

  it('y = x^2 + 2x + 1 keeps integer literals as the lab writes them', () => {
    expect(torch('x^2 + 2x + 1', { point: { x: 2 }, variables: ['x'] })).toContain(
      '\ny = x ** 2 + 2 * x + 1\n',
    )
  })

  it('f = uv + (uv)^2 at u = 2, v = 1, with the plotted variable first', () => {
    expect(torch('u*v + (u*v)^2', { point: { u: 2, v: 1 }, variables: ['u', 'v'], wrt: 'v' })).toBe(
      [
        'import torch',
        '',
        'torch.set_default_dtype(torch.float64)',
        '',
        'u = torch.tensor(2.0, requires_grad=True)',
        'v = torch.tensor(1.0, requires_grad=True)',
        'y = u * v + (u * v) ** 2',
        'y.backward()',
        'print("y =", y)',
        'print("dy/dv =", v.grad)',
        'print("dy/du =", u.grad)',
        '',
      ].join('\n'),
    )
  })

  it.each([
    ['relu(x)', 'y = torch.relu(x)'],
    ['F.relu(x)', 'y = torch.relu(x)'],
    ['softplus(x)', 'y = torch.nn.functional.softplus(x)'],
    ['sigmoid(x) + ln(x)', 'y = torch.sigmoid(x) + torch.log(x)'],
    ['-x^2 + (-x)^2 + 2^-x', 'y = -x ** 2 + (-x) ** 2 + 2 ** -x'],
    ['x/(2x + 1)', 'y = x / (2 * x + 1)'],
    ['0.5x + 1e-7', 'y = 0.5 * x + 1e-07'],
  ])('%s', (source, line) => {
    expect(torch(source, { point: { x: 0.5 }, variables: ['x'] })).toContain(`\n${line}\n`)
  })
})

describe('toTorch: constants become tensors where torch needs them', () => {
  const line = (source: string): string => {
    const program = torch(source, { point: { x: 1 }, variables: ['x'] })
    return program.split('\n').find((l) => l.startsWith('y = ')) ?? ''
  }

  it('wraps a constant argument of a torch function', () => {
    expect(line('sin(2) x')).toBe('y = torch.sin(torch.tensor(2.0)) * x')
    expect(line('min(x, 1)')).toBe('y = torch.minimum(x, torch.tensor(1.0))')
    expect(line('max(2, x)')).toBe('y = torch.maximum(torch.tensor(2.0), x)')
  })

  it('imports math only for pi and e', () => {
    const program = torch('pi x + e^x', { point: { x: 1 }, variables: ['x'] })
    expect(
      program.startsWith('import torch\nimport math\n\ntorch.set_default_dtype(torch.float64)\n\n'),
    ).toBe(true)
    expect(program).toContain('\ny = math.pi * x + math.e ** x\n')
    expect(torch('x', { point: { x: 1 }, variables: ['x'] })).not.toContain('import math')
  })

  it('calls torch.erf, torch.log1p, torch.expm1, and F.gelu, F.silu with F imported', () => {
    expect(line('erf(x) + log1p(x) + expm1(x)')).toBe(
      'y = torch.erf(x) + torch.log1p(x) + torch.expm1(x)',
    )
    expect(line('gelu(x) * silu(2)')).toBe('y = F.gelu(x) * F.silu(torch.tensor(2.0))')
    const program = torch('torch.nn.functional.gelu(x)', { point: { x: 1 }, variables: ['x'] })
    expect(
      program.startsWith(
        'import torch\nimport torch.nn.functional as F\n\ntorch.set_default_dtype(torch.float64)\n',
      ),
    ).toBe(true)
    expect(torch('softplus(x)', { point: { x: 1 }, variables: ['x'] })).not.toContain('as F')
  })

  it('writes clamp with keyword bounds, numbers or tensors but never one of each', () => {
    expect(line('clamp(x, -1, 1)')).toBe('y = torch.clamp(x, min=-1, max=1)')
    expect(torch('clamp(x, u, 2)', { point: { x: 1, u: 0 }, variables: ['x', 'u'] })).toContain(
      '\ny = torch.clamp(x, min=u, max=torch.tensor(2.0))\n',
    )
  })

  it('computes a constant division or power Python would refuse on a tensor', () => {
    expect(line('x + 1/0')).toBe('y = x + torch.tensor(1.0) / 0')
    expect(line('x + 0^-1')).toBe('y = x + torch.tensor(0.0) ** -1')
    expect(line('x + (-8)^(1/3)')).toBe('y = x + torch.tensor(-8.0) ** (1 / 3)')
    expect(line('x + 1/2')).toBe('y = x + 1 / 2')
  })

  it('names the output f when y is a variable, and adds variables the caller left out', () => {
    expect(torch('y + x', { point: { x: 1, y: 2 }, variables: ['x'] })).toBe(
      [
        'import torch',
        '',
        'torch.set_default_dtype(torch.float64)',
        '',
        'x = torch.tensor(1.0, requires_grad=True)',
        'y = torch.tensor(2.0, requires_grad=True)',
        'f = y + x',
        'f.backward()',
        'print("f =", f)',
        'print("df/dx =", x.grad)',
        'print("df/dy =", y.grad)',
        '',
      ].join('\n'),
    )
  })

  it('says so instead of calling backward() when nothing depends on a variable', () => {
    expect(torch('3 + 4', { point: { x: 1 }, variables: ['x'] })).toBe(
      [
        'import torch',
        '',
        'torch.set_default_dtype(torch.float64)',
        '',
        'x = torch.tensor(1.0, requires_grad=True)',
        'y = torch.tensor(3.0 + 4.0)',
        '# y does not depend on any variable: there is no gradient to compute,',
        '# and y.backward() would raise "element 0 of tensors does not require grad".',
        'print("y =", y)',
        '',
      ].join('\n'),
    )
  })

  it('keeps a tensor that uses no variable as it is (0/0, sin(2)), without backward()', () => {
    const zeroByZero = torch('0/0', { point: {}, variables: [] })
    expect(zeroByZero).toContain('\ny = torch.tensor(0.0) / 0\n')
    expect(zeroByZero).not.toMatch(/^y\.backward\(\)/m)
    expect(torch('sin(2)', { point: {}, variables: [] })).toContain(
      '\ny = torch.sin(torch.tensor(2.0))\n',
    )
  })
})

describe('Python number literals', () => {
  it.each([
    [2, '2.0'],
    [-0.5, '-0.5'],
    [1e-6, '1e-06'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [1e16, '1e+16'],
    [1.5e16, '1.5e+16'],
    [1234567890123456, '1234567890123456.0'],
    [123.456, '123.456'],
    [1 / 3, '0.3333333333333333'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [0, '0.0'],
    [-0, '-0.0'],
    [NaN, "float('nan')"],
    [-Infinity, "-float('inf')"],
  ])('float %s → %s (as Python repr)', (value, expected) => {
    expect(pythonFloat(value)).toBe(expected)
  })

  it('keeps small integers as ints and writes the rest as floats', () => {
    expect(pythonNumber(2)).toBe('2')
    expect(pythonNumber(0.5)).toBe('0.5')
    expect(pythonNumber(1e20)).toBe('1e+20')
  })
})

describe('toTorch: the expression line is itself in the language', () => {
  it('reads back to the same tree wherever no constant had to become a tensor', () => {
    let checked = 0
    fc.assert(
      fc.property(arbitraryNode({ maxDepth: 4 }), (node) => {
        const program = toTorch(node, { point: { x: 1, u: 2, v: 3 }, variables: ['x', 'u', 'v'] })
        const line = program.split('\n').find((l) => l.startsWith('y = '))
        if (!line || line.includes('torch.tensor(')) return
        const result = parse(line.slice('y = '.length))
        expect(result.diagnostics).toEqual([])
        expect(result.ast && spanlessTree(result.ast)).toEqual(
          asProgramReadsBack(spanlessTree(node)),
        )
        checked++
      }),
      { numRuns: 500 },
    )
    expect(checked).toBeGreaterThan(100)
  }, 30_000)
})
