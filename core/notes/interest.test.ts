import { describe, expect, it } from 'vitest'
import { evaluate } from '../evaluate/service'

/** The points found, in the order of their kinds then positions (an inflection and a zero both at 0). */
function interest(expression: string, samples = 200, domain: [number, number] = [-3, 3]) {
  const result = evaluate({ expression, point: { x: 0 }, wrt: 'x', domain, samples })
  if (!result.ok) throw new Error(`${expression} does not evaluate`)
  return result.value.interest
    .map(({ kind, at }): [string, number] => [kind, at])
    .sort(([k1, a1], [k2, a2]) => k1.localeCompare(k2) || a1 - a2)
}

describe('points of interest on the slice', () => {
  it('finds the critical points, zeros and inflection of x³ − 3x, refined to the last digits', () => {
    const close = (x: number) => expect.closeTo(x, 12)
    expect(interest('x^3 - 3*x')).toEqual([
      ['inflection', close(0)],
      ['maximum', close(-1)],
      ['minimum', close(1)],
      ['zero', close(-Math.sqrt(3))],
      ['zero', close(0)],
      ['zero', close(Math.sqrt(3))],
    ])
  })

  it('labels a critical point where f′ keeps its sign as neither (x³ at 0, on a sample)', () => {
    expect(interest('x^3', 101)).toContainEqual(['critical', 0])
  })

  it('finds no zero of f′ at a kink: |x| has a corner, not a horizontal tangent', () => {
    expect(interest('abs(x)', 101).filter(([kind]) => kind !== 'zero')).toEqual([])
  })

  it('finds no zero or inflection at tan’s pole', () => {
    expect(interest('tan(x)', 300)).toEqual([
      ['inflection', expect.closeTo(0, 12)],
      ['zero', expect.closeTo(0, 12)],
    ])
  })
})
