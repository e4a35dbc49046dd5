import { describe, expect, it } from 'vitest'
import { rangeProblem, readDecimal } from './slider-fields'

describe('readDecimal', () => {
  it.each([
    ['2.5', 2.5],
    ['2,5', 2.5],
    ['−3', -3],
    [' -0,25 ', -0.25],
    ['.5', 0.5],
    ['1e3', 1000],
    ['7', 7],
  ])('reads %s as %d', (text, value) => {
    expect(readDecimal(text)).toEqual({ ok: true, value })
  })

  it.each(['', 'abc', '2,5,1', '1,000.5', '2..5', '0x10', 'Infinity', '1e999'])(
    'refuses %j with a message',
    (text) => {
      const reading = readDecimal(text)
      expect(reading.ok).toBe(false)
      if (!reading.ok) expect(reading.message).toMatch(/\./)
    },
  )

  it('never reads 2,5 as 25', () => {
    expect(readDecimal('2,5')).not.toEqual({ ok: true, value: 25 })
  })
})

describe('rangeProblem', () => {
  it('accepts a range with a step that fits', () => {
    expect(rangeProblem(-5, 5, 0.1)).toBeNull()
  })

  it.each([
    [5, 5, 0.1, 'The minimum 5 must be below the maximum 5.'],
    [6, 5, 0.1, 'The minimum 6 must be below the maximum 5.'],
    [-5, 5, 0, 'The step must be above 0, not 0.'],
    [-5, 5, -1, 'The step must be above 0, not -1.'],
    [0, 1, 2, 'The step 2 is larger than the range 0 to 1.'],
  ])('refuses min %d, max %d, step %d', (min, max, step, message) => {
    expect(rangeProblem(min, max, step)).toBe(message)
  })
})
