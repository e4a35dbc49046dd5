import { describe, expect, it } from 'vitest'
import * as ag from '../autograd'
import { compile } from '../evaluate/compiled'
import { sliceMarks } from './along'

function marks(expression: string, samples: number, domain: [number, number] = [-3, 3]) {
  const compilation = compile(expression)
  if (!compilation.ok) throw new Error(`${expression} does not parse`)
  const { ast, variables } = compilation.compiled
  return sliceMarks(ast, variables, 'x', { x: 1 }, ag.linspace(domain[0], domain[1], samples).data)
}

describe('marks along the slice', () => {
  it('marks the sample of linspace(−3, 3, 101) that lands on relu’s kink', () => {
    expect(marks('relu(x)', 101)).toEqual([
      { code: 'kink', at: 0, sample: 50, value: 0, left: 0, right: 1, op: 'relu' },
    ])
  })

  it('marks the kink between two samples of linspace(−3, 3, 100), no sample on it', () => {
    const [mark, ...rest] = marks('relu(x)', 100)
    expect(rest).toEqual([])
    expect(mark).toMatchObject({ code: 'kink', sample: null, left: 0, right: 1 })
    expect(Math.abs(mark!.at)).toBeLessThan(1e-12)
  })

  it('refines a kink between samples to where the argument switches', () => {
    const [mark] = marks('abs(x - 0.123)', 50)
    expect(mark!.at).toBeCloseTo(0.123, 12)
    expect(mark).toMatchObject({ left: -1, right: 1, op: 'abs' })
  })

  it('marks both bounds of clamp and both kinks of max(x, x²)', () => {
    expect(marks('clamp(x, -1, 2)', 97).map((m) => m.at)).toEqual(
      [-1, 2].map((x) => expect.closeTo(x, 12)),
    )
    expect(marks('max(x, x^2)', 98).map((m) => m.at)).toEqual(
      [0, 1].map((x) => expect.closeTo(x, 12)),
    )
  })

  it('marks a pole of 1/x but not the hole of x/x or sin(x)/x', () => {
    expect(marks('1/x', 100)).toMatchObject([{ code: 'pole', op: '/' }])
    expect(marks('x/x', 100)).toEqual([])
    expect(marks('sin(x)/x', 100)).toEqual([])
  })

  it('does not mark a switch the slice passes smoothly (x·|x| at 0)', () => {
    expect(marks('x*abs(x)', 101)).toEqual([])
  })

  it('marks every jump of floor, on a sample or between two', () => {
    expect(marks('floor(x)', 101).map((m) => [m.code, m.at, m.sample])).toEqual([
      ['jump', -3, 0],
      ['jump', expect.closeTo(-2, 12), null],
      ['jump', expect.closeTo(-1, 12), null],
      ['jump', 0, 50],
      ['jump', expect.closeTo(1, 12), null],
      ['jump', expect.closeTo(2, 12), null],
      ['jump', 3, 100],
    ])
    expect(marks('x*sign(x)', 100)).toMatchObject([{ code: 'kink', left: -1, right: 1 }])
  })

  it('marks nothing on a smooth slice', () => {
    expect(marks('sin(x)*exp(x) + x^2', 101)).toEqual([])
  })
})
