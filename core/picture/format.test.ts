import { describe, expect, it } from 'vitest'
import { explainNaN, formatNumber, formatTangent } from './format'

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

describe('formatTangent where there is no line y = mx + b', () => {
  it('says vertical tangent x = 0 for an infinite slope (x^(1/3) at 0)', () => {
    expect(formatTangent(Infinity, NaN, 'x', 0, 0)).toBe('vertical tangent x = 0')
    expect(formatTangent(-Infinity, NaN, 'u', 2, 1)).toBe('vertical tangent u = 2')
  })

  it('says there is no tangent where f is NaN or infinite', () => {
    expect(formatTangent(NaN, NaN, 'x', -8, NaN)).toBe('no tangent (f is not defined here)')
    expect(formatTangent(-Infinity, NaN, 'x', 0, Infinity)).toBe('no tangent (f is infinite here)')
    expect(formatTangent(NaN, NaN, 'x', 0, 1)).toBe('no tangent (the slope is not defined here)')
  })
})

describe('explainNaN', () => {
  it('names the real cube root for a power 1/3', () => {
    expect(explainNaN('x^(1/3)')).toContain('torch.sign(x) * torch.abs(x) ** (1/3)')
    expect(explainNaN('x ** (1/3) + 1')).toContain('x ** (1/3) of a negative x is NaN')
  })

  it('says in general why PyTorch gives NaN', () => {
    expect(explainNaN('sqrt(x)')).toContain('in PyTorch too')
    expect(explainNaN('sqrt(x)')).not.toContain('cube root')
  })
})
