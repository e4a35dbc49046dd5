import { describe, expect, it } from 'vitest'
import { boxHeight, BOX } from './layout'
import { finiteRange, sampleX, sparkline, sparklineStrip, type Strip } from './sparkline'

const strip: Strip = { x: 10, y: 100, width: 40, height: 20 }

describe('sparkline', () => {
  it('draws the samples left to right, the smallest at the bottom and the largest at the top', () => {
    const line = sparkline([0, 1, 4, 9, 16], strip, 2)
    expect(line.d).toBe('M10.0,120.0 L20.0,118.8 L30.0,115.0 L40.0,108.8 L50.0,100.0')
    expect(line.marker).toEqual({ x: 30, y: 115 })
  })

  it('breaks the line where a value is not finite, and has no marker there', () => {
    const line = sparkline([1, Number.NaN, 3, Infinity, 2], strip, 1)
    expect(line.d).toBe('M10.0,120.0 M30.0,100.0 M50.0,110.0')
    expect(line.marker).toBeNull()
  })

  it('draws a constant through the middle, and nothing without a finite value', () => {
    expect(sparkline([2, 2, 2], strip, 9).marker).toEqual({ x: 50, y: 110 })
    expect(sparkline([Number.NaN], strip, 0)).toEqual({ d: '', marker: null })
  })

  it('draws data and grad in one range when given theirs, so x.grad = 2x is steeper than x', () => {
    const x = [-1, 0, 1]
    const grad = [-2, 0, 2]
    const range = finiteRange(x, grad)
    expect(range).toEqual([-2, 2])
    expect(sparkline(x, strip, 2, range).marker).toEqual({ x: 50, y: 105 })
    expect(sparkline(grad, strip, 2, range).marker).toEqual({ x: 50, y: 100 })
    expect(finiteRange([Number.NaN], [])).toBeNull()
  })

  it('sits in the part of a vector box under the text', () => {
    const height = boxHeight({ shape: [5] })
    expect(boxHeight({ shape: [] })).toBe(BOX.height)
    const box = { id: 0, x: 0, y: 0, width: 150, height }
    const inside = sparklineStrip(box)
    expect(inside.y).toBeGreaterThan(BOX.height - 3 * BOX.lineHeight)
    expect(inside.y + inside.height).toBeLessThan(height)
    expect(sampleX(inside, 4, 5)).toBe(150 - BOX.padding)
  })
})
