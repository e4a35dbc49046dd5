import { describe, expect, it } from 'vitest'
import { plotSessionOf } from './session'

describe('plotSessionOf', () => {
  it('copies every part, so the session never changes with the state it was read from', () => {
    const point = { x: 2, u: 1 }
    const domain: [number, number] = [-4, 4]
    const yRange: [number, number] = [0, 9]
    const session = plotSessionOf({
      expression: 'x^2',
      point,
      wrt: 'x',
      domain,
      yRange,
      samples: 9,
      showSecond: true,
    })
    expect(session).toEqual({
      expression: 'x^2',
      point: { x: 2, u: 1 },
      wrt: 'x',
      domain: [-4, 4],
      yRange: [0, 9],
      samples: 9,
      showSecond: true,
    })
    point.x = 5
    domain[0] = -1
    yRange[1] = 1
    expect(session.point.x).toBe(2)
    expect(session.domain).toEqual([-4, 4])
    expect(session.yRange).toEqual([0, 9])
  })

  it('keeps a y-range that follows the data and a sample count that follows the width as null', () => {
    const session = plotSessionOf({
      expression: 'sin(x)',
      point: { x: 0 },
      wrt: 'x',
      domain: [-5, 5],
      yRange: null,
      samples: null,
    })
    // A caller that does not say (the CLI's plot) draws f and f′ only.
    expect([session.yRange, session.samples, session.showSecond]).toEqual([null, null, false])
  })
})
