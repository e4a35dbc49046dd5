import { describe, expect, it } from 'vitest'
import { crossesPole, finiteDifferencesOf, spansView, tangentPoints, toPlotted } from './series'

const linspace = (a: number, b: number, n: number) =>
  Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1))

describe('toPlotted', () => {
  it('breaks 1/x between the samples on either side of 0 and nowhere else', () => {
    const t = linspace(-1, 1, 10)
    const plotted = toPlotted(
      { t, f: t.map((x) => 1 / x), df: t.map((x) => -1 / x ** 2) },
      [-10, 10],
    )
    const gaps = plotted.f.filter((p) => Number.isNaN(p.y))
    expect(gaps).toHaveLength(1)
    expect(gaps[0]?.x).toBeCloseTo(0)
    expect(plotted.df.map((p) => p.x)).toEqual(plotted.f.map((p) => p.x))
  })

  it('keeps a steep but continuous curve whole', () => {
    const t = linspace(-1, 1, 50)
    const plotted = toPlotted({ t, f: t.map((x) => 10 * x), df: t.map(() => 10) }, [-0.5, 0.5])
    expect(plotted.f.some((p) => Number.isNaN(p.y))).toBe(false)
  })

  it('turns NaN and ±∞ into gaps', () => {
    const t = Float64Array.from([0, 1, 2])
    const plotted = toPlotted(
      { t, f: Float64Array.from([Infinity, 1, NaN]), df: Float64Array.from([1, -Infinity, 0]) },
      [-5, 5],
    )
    expect(plotted.f.map((p) => p.y)).toEqual([NaN, 1, NaN])
    expect(plotted.df.map((p) => p.y)).toEqual([1, NaN, 0])
  })

  it('carries f″ when the core sent it', () => {
    const t = Float64Array.from([0, 1])
    const plotted = toPlotted({ t, f: t, df: t, d2f: Float64Array.from([2, 2]) }, [-5, 5])
    expect(plotted.d2f?.map((p) => p.y)).toEqual([2, 2])
    expect(toPlotted({ t, f: t, df: t }, [-5, 5]).d2f).toBeNull()
  })
})

describe('the derivative of log x', () => {
  it('breaks f′ = 1/x at 0 although f is NaN left of 0', () => {
    const t = linspace(-1, 1, 10)
    const plotted = toPlotted({ t, f: t.map(Math.log), df: t.map((x) => 1 / x) }, [-3, 3])
    const dfGaps = plotted.df.filter(
      (p, i) => Number.isNaN(p.y) && Number.isNaN(plotted.f[i]?.y ?? 0),
    )
    expect(plotted.df.filter((p) => Number.isNaN(p.y))).toHaveLength(1)
    expect(dfGaps[0]?.x).toBeCloseTo(0)
  })
})

describe('spansView', () => {
  it('is true only for a segment from beyond one edge to beyond the other', () => {
    expect(spansView(-100, 100, [-3, 3])).toBe(true)
    expect(spansView(100, -100, [-3, 3])).toBe(true)
    expect(spansView(-100, 2, [-3, 3])).toBe(false)
    expect(spansView(4, 100, [-3, 3])).toBe(false)
  })
})

describe('crossesPole', () => {
  it('sees tan jumping down while its slope is positive', () => {
    expect(crossesPole(1000, -1000, 1e6, 1e6, 10)).toBe(true)
  })
  it('ignores small steps against the slope', () => {
    expect(crossesPole(0, 0.1, -1, -1, 10)).toBe(false)
  })
})

describe('tangentPoints', () => {
  it('draws y = 4x − 4 across the domain', () => {
    expect(tangentPoints({ slope: 4, intercept: -4 }, [-5, 5])).toEqual([
      { x: -5, y: -24 },
      { x: 5, y: 16 },
    ])
  })
})

describe('toPlotted at the core’s marks', () => {
  const relu = (t: Float64Array) => ({
    t,
    f: t.map((x) => Math.max(x, 0)),
    df: t.map((x) => (x > 0 ? 1 : 0)),
  })
  const segments = (points: { x: number; y: number }[]) =>
    points.slice(1).filter((p, i) => !Number.isNaN(p.y) && !Number.isNaN(points[i]!.y)).length

  it('breaks f′ where relu′ jumps, keeping f whole with the corner as a point', () => {
    const t = linspace(-3, 3, 100)
    const mark = { code: 'kink' as const, at: 0, sample: null, value: 0, left: 0, right: 1 }
    const plotted = toPlotted(relu(t), [-1, 4], [mark])
    // Without the mark f′ has a segment from 0 to 1 across x = 0: a vertical stroke.
    const unmarked = toPlotted(relu(t), [-1, 4])
    expect(segments(unmarked.df)).toBe(99)
    expect(segments(plotted.df)).toBe(98)
    expect(plotted.f.some((p) => Number.isNaN(p.y))).toBe(false)
    expect(plotted.f).toContainEqual({ x: 0, y: 0, inserted: true })
    expect(plotted.df.map((p) => p.x)).toEqual(plotted.f.map((p) => p.x))
  })

  it('leaves the sample on the kink standing alone in f′ (PyTorch’s 0 is a convention)', () => {
    const t = linspace(-3, 3, 101)
    const mark = { code: 'kink' as const, at: 0, sample: 50, value: 0, left: 0, right: 1 }
    const plotted = toPlotted(relu(t), [-1, 4], [mark])
    const at = plotted.df.findIndex((p) => p.x === 0 && p.y === 0)
    expect(Number.isNaN(plotted.df[at - 1]!.y) && Number.isNaN(plotted.df[at + 1]!.y)).toBe(true)
    expect(segments(plotted.f)).toBe(plotted.f.length - 1)
  })
})

describe('finiteDifferencesOf', () => {
  it('is null unless the core computed finite differences', () => {
    const t = Float64Array.of(0, 1)
    expect(finiteDifferencesOf({ t, f: t, df: t })).toBe(null)
  })

  it('gives the dots over f′ and the error plot, an exact match being a gap on the log scale', () => {
    const t = Float64Array.of(0, 1, 2)
    const fd = {
      precision: 'float64' as const,
      eps: 1e-6,
      fd: Float64Array.of(0.5, 2, Infinity),
      error: Float64Array.of(0.5, 0, Infinity),
    }
    const out = finiteDifferencesOf({ t, f: t, df: t, fd })
    expect(out?.dots.map((p) => p.y)).toEqual([0.5, 2, NaN])
    expect(out?.error.map((p) => p.y)).toEqual([0.5, NaN, NaN])
  })
})
