import { describe, expect, it } from 'vitest'
import { diagnostic } from '../protocol/diagnostics'
import { formatDiagnostic } from './diagnostics'
import { encodeNumber, encodeNumbers } from './json'
import { formatGradientText, formatNumber } from './text'

describe('JSON numbers', () => {
  it('writes NaN and infinities as strings, finite numbers as numbers', () => {
    expect([NaN, Infinity, -Infinity, -0.5].map(encodeNumber)).toEqual([
      'NaN',
      'Infinity',
      '-Infinity',
      -0.5,
    ])
    expect(encodeNumbers({ x: 1, u: NaN })).toEqual({ x: 1, u: 'NaN' })
  })
})

describe('text output', () => {
  it('prints f at the point and every partial', () => {
    const text = formatGradientText(
      { variables: ['u', 'v'], value: 3, gradient: { u: 4, v: 1 } },
      { u: 1, v: 2, x: 9 },
    )
    expect(text).toBe('f(u=1, v=2) = 3\n∂f/∂u = 4\n∂f/∂v = 1')
  })

  it('spells non-finite numbers as PyTorch prints them', () => {
    expect([NaN, Infinity, -Infinity, 0.1].map(formatNumber)).toEqual(['nan', 'inf', '-inf', '0.1'])
  })
})

describe('formatDiagnostic', () => {
  it('underlines the span and shows the fix', () => {
    const d = diagnostic(
      'unknown-function',
      "Unknown function 'sinn' — did you mean 'sin'?",
      [0, 4],
      {
        label: "Replace with 'sin'",
        span: [0, 4],
        replacement: 'sin',
      },
    )
    expect(formatDiagnostic(d, 'sinn(x)')).toBe(
      [
        "error[unknown-function]: Unknown function 'sinn' — did you mean 'sin'?",
        '  sinn(x)',
        '  ^^^^',
        "  fix: Replace with 'sin'",
      ].join('\n'),
    )
  })

  it('marks an empty span with one caret', () => {
    const d = diagnostic('unexpected-end', 'ends early', [3, 3])
    expect(formatDiagnostic(d, '2x+')).toBe('error[unexpected-end]: ends early\n  2x+\n     ^')
  })
})
