import { describe, expect, it } from 'vitest'
import { robustRange } from './range'

const linspace = (a: number, b: number, n: number) =>
  Float64Array.from({ length: n }, (_, i) => a + ((b - a) * i) / (n - 1))

describe('robustRange', () => {
  it('keeps the whole of a smooth function, with padding', () => {
    const t = linspace(-10, 10, 1001)
    const [low, high] = robustRange([t.map((x) => x * x)])
    expect(low).toBeLessThan(0)
    expect(high).toBeGreaterThan(100)
    expect(high).toBeLessThan(110)
  })

  it('ignores the spikes of 1/x near its pole', () => {
    const t = linspace(-10, 10, 1000)
    const [low, high] = robustRange([t.map((x) => 1 / x)])
    expect(high).toBeLessThan(20)
    expect(low).toBeGreaterThan(-20)
    expect(high).toBeGreaterThan(1.5)
  })

  it('skips NaN and infinities, and centres a constant', () => {
    expect(robustRange([Float64Array.from([3, 3, NaN, Infinity])])).toEqual([2, 4])
    expect(robustRange([Float64Array.from([NaN])])).toEqual([-1, 1])
  })
})

describe('robustRange near poles', () => {
  it('shows the branches of tan x and its derivative instead of their spikes', () => {
    const t = linspace(-5, 5, 1600)
    const [low, high] = robustRange([t.map(Math.tan), t.map((x) => 1 / Math.cos(x) ** 2)])
    expect(low).toBeGreaterThan(-40)
    expect(high).toBeLessThan(50)
    expect(high - low).toBeGreaterThan(6)
  })

  it('keeps exponential growth mostly in view', () => {
    const t = linspace(-5, 5, 1000)
    const [, high] = robustRange([t.map(Math.exp)])
    expect(high).toBeGreaterThan(100)
  })
})
