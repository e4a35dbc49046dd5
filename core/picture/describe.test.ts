import { describe, expect, it } from 'vitest'
import { evaluate } from '../evaluate/service'
import { evenIndices, runsOf, signChanges, summarize } from './describe'

function seriesOf(expression: string, domain: [number, number], samples: number) {
  const result = evaluate({ expression, point: { x: 2 }, wrt: 'x', domain, samples })
  if (!result.ok) throw new Error(result.diagnostics[0]?.message)
  return result.value
}

describe('the chart in words', () => {
  it('says x² falls to 0 and rises again, with its range and the point', () => {
    const result = seriesOf('x^2', [-4, 4], 9)
    expect(runsOf(result.series)).toEqual([
      { direction: 'falls', from: -4, to: 0 },
      { direction: 'rises', from: 0, to: 4 },
    ])
    expect(
      summarize({
        expression: 'x^2',
        wrt: 'x',
        domain: [-4, 4],
        series: result.series,
        point: { x: 2, f: result.value, slope: result.gradient.x ?? NaN },
      }),
    ).toBe(
      'f(x) = x^2, plotted for x from −4 to 4. f falls from x = −4 to 0, then rises from x = 0 to 4. Its values lie between 0 and 16. At the point x = 2: f = 4, f′ = 4.',
    )
  })

  it('leaves the slope out when it is not to be told, and counts undefined samples', () => {
    const result = seriesOf('log(x)', [-1, 1], 5)
    const text = summarize({
      expression: 'log(x)',
      wrt: 'x',
      domain: [-1, 1],
      series: result.series,
      point: { x: 0.5, f: -0.693147, slope: null },
    })
    expect(text).toContain('f is not a finite number at 3 of 5 samples.')
    expect(text).toContain('At the point x = 0.5: f = −0.693147.')
  })

  it('names a flat stretch that is one', () => {
    const result = seriesOf('relu(x)', [-2, 2], 5)
    expect(runsOf(result.series).map((run) => run.direction)).toEqual(['is flat', 'rises'])
  })

  it('counts the direction changes it does not name', () => {
    const result = seriesOf('sin(x)', [-20, 20], 801)
    expect(
      summarize({
        expression: 'sin(x)',
        wrt: 'x',
        domain: [-20, 20],
        series: result.series,
        point: null,
      }),
    ).toMatch(/, and changes direction 7 more times\./)
  })

  it('finds where f′ changes sign, and spreads table rows evenly', () => {
    expect(signChanges([-2, -1, 0, 1, 2, NaN, -1])).toEqual([3, 6])
    expect(evenIndices(5, 10)).toEqual([0, 1, 2, 3, 4])
    expect(evenIndices(101, 5)).toEqual([0, 25, 50, 75, 100])
  })
})
