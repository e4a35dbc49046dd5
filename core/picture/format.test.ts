import { describe, expect, it } from 'vitest'
import { formatNumber, formatTangent } from './format'

describe('formatNumber', () => {
  it('writes numbers as a learner reads them', () => {
    expect(formatNumber(4)).toBe('4')
    expect(formatNumber(-0.5)).toBe('−0.5')
    expect(formatNumber(1 / 3)).toBe('0.333333')
    expect(formatNumber(2.0000000000000004)).toBe('2')
    expect(formatNumber(1e-300)).toBe('0')
    expect(formatNumber(12345678)).toBe('1.23457e+7')
    expect(formatNumber(Infinity)).toBe('∞')
    expect(formatNumber(-Infinity)).toBe('−∞')
    expect(formatNumber(NaN)).toBe('NaN')
  })
})

describe('formatTangent', () => {
  it('writes y = 4x − 4 for x² at 2', () => {
    expect(formatTangent(4, -4, 'x')).toBe('y = 4x − 4')
  })
  it('drops unit coefficients and zero terms', () => {
    expect(formatTangent(1, 0, 'x')).toBe('y = x')
    expect(formatTangent(-1, 2, 'u')).toBe('y = −u + 2')
    expect(formatTangent(0, 3, 'x')).toBe('y = 3')
    expect(formatTangent(0, 0, 'x')).toBe('y = 0')
  })
})
