import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compile } from '../evaluate/compiled'
import { notesAt } from './at-point'

function notes(expression: string, point: Record<string, number>) {
  const compilation = compile(expression)
  if (!compilation.ok) throw new Error(`${expression} does not parse`)
  return notesAt(compilation.compiled.ast, compilation.compiled.variables, point)
}

describe('notes at a point', () => {
  // The one-sided derivatives are computed on each side; PyTorch's values are torch 1.13's x.grad.
  it.each([
    ['abs(x)', 0, -1, 1, 0],
    ['relu(x)', 0, 0, 1, 0],
    ['max(x, 0)', 0, 0, 1, 0.5],
    ['min(x, 0)', 0, 1, 0, 0.5],
    ['clamp(x, 0, 1)', 0, 0, 1, 1],
    ['clamp(x, 0, 1)', 1, 1, 0, 1],
    ['abs(sin(x))', 0, -1, 1, 0],
    ['3*abs(x - 2)', 2, -3, 3, 0],
  ])(
    '%s at x = %d is a kink: left %d, right %d, PyTorch %d',
    (expression, x, left, right, torch) => {
      const [note, ...rest] = notes(expression, { x })
      expect(rest).toEqual([])
      expect(note).toMatchObject({ code: 'kink', variable: 'x', left, right, pytorch: torch })
      expect(note!.detail).toContain('derivatives.yaml')
    },
  )

  it('names the switching function and its span', () => {
    const [note] = notes('x^2 + abs(x)', { x: 0 })
    expect(note).toMatchObject({ op: 'abs', span: [6, 12] })
    expect(note!.message).toBe(
      "∂f/∂x = 0 is PyTorch's convention: abs has a corner at x = 0 (left −1, right 1).",
    )
  })

  it('gives a kink to each variable the switch depends on, with its own one-sided derivatives', () => {
    const found = notes('abs(x - u) + u', { x: 1, u: 1 })
    expect(found.map((n) => [n.variable, n.left, n.right, n.pytorch])).toEqual([
      ['u', 0, 2, 1],
      ['x', -1, 1, 0],
    ])
  })

  it('says nothing where a switch is hit but the derivative exists (x·|x| at 0)', () => {
    expect(notes('x*abs(x)', { x: 0 })).toEqual([])
  })

  it('finds a corner with no switching function in it: sqrt(x²) at 0, where autograd returns NaN', () => {
    expect(notes('sqrt(x^2)', { x: 0 })[0]).toMatchObject({ code: 'kink', left: -1, right: 1 })
  })

  it.each(['sqrt(x)', 'x^0.5', 'x^(1/3)'])('%s at 0 has an infinite slope', (expression) => {
    const [note] = notes(expression, { x: 0 })
    expect(note).toMatchObject({ code: 'infinite-slope', pytorch: Infinity, right: Infinity })
    // Left of 0 the power is NaN in PyTorch (a negative base to a fractional power).
    expect(note!.left).toBeNaN()
  })

  it.each([
    ['1/x', 0, '/'],
    ['log(x)', 0, 'log'],
    ['x^(-2)', 0, '^'],
    ['1/(x - 1)', 1, '/'],
  ])('%s at x = %d is a pole (%s)', (expression, x, op) => {
    expect(notes(expression, { x })).toMatchObject([{ code: 'pole', variable: 'x', op }])
  })

  it.each([
    ['log(x)', -1, 'log'],
    ['sqrt(x)', -4, 'sqrt'],
    ['asin(x)', 2, 'asin'],
    ['x^0.5', -1, '^'],
  ])('%s at x = %d is outside the domain of %s', (expression, x, op) => {
    expect(notes(expression, { x })).toMatchObject([{ code: 'outside-domain', op }])
  })

  it.each([
    ['floor(x)', 1, 0, 1, 0],
    ['ceil(x)', 2, 2, 3, 0],
    ['round(x)', 0.5, 0, 1, 0],
    ['sign(x)', 0, -1, 1, 0],
    ['step(x)', 0, 0, 1, 0],
    ['frac(x)', 1, 1, 0, 1],
  ])(
    '%s at x = %d is a jump from %d to %d, PyTorch’s gradient %d',
    (expression, x, from, to, torch) => {
      const [note, ...rest] = notes(expression, { x })
      expect(rest).toEqual([])
      expect(note).toMatchObject({ code: 'jump', variable: 'x', pytorch: torch })
      expect(note!.message).toContain(`(from ${from} to ${to})`.replace(/-/g, '−'))
      expect(note!.detail).toContain('derivatives.yaml')
    },
  )

  it('has no jump where a step function is continuous: frac at 0, x·sign(x) a kink', () => {
    expect(notes('frac(x)', { x: 0 })).toEqual([])
    expect(notes('x*sign(x)', { x: 0 })).toMatchObject([{ code: 'kink', left: -1, right: 1 }])
    expect(notes('floor(x)', { x: 0.5 })).toEqual([])
  })

  it('notes an undefined f only for the variables its cause depends on', () => {
    expect(notes('log(u) + x', { u: -1, x: 2 }).map((n) => n.variable)).toEqual(['u'])
  })

  it('has no note for x^2 at 0', () => {
    expect(notes('x^2', { x: 0 })).toEqual([])
  })

  it('has no note for random smooth expressions at random points', () => {
    const leaf = fc.oneof(
      fc.constant('x'),
      fc.constant('u'),
      fc.integer({ min: 1, max: 9 }).map(String),
    )
    const smooth = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc
          .tuple(tie('e'), fc.constantFrom('+', '-', '*'), tie('e'))
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'atan', 'exp'), tie('e'))
          .map(([fn, a]) => `${fn}(${a})`),
        tie('e').map((a) => `(${a})^2`),
      ),
    })).e
    const value = fc.double({ min: -3, max: 3, noNaN: true })
    fc.assert(
      fc.property(smooth, value, value, (expression, x, u) => {
        const found = notes(`exp(sin(${expression}))`, { x, u })
        return found.length === 0
      }),
      { numRuns: 200 },
    )
  })
})
