import { describe, expect, it } from 'vitest'
import { diagnostic } from '../protocol/diagnostics'
import { formatDiagnostic } from './diagnostics'
import { reportedGradient } from './gradient-report'
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

  it('writes a gradient that does not exist (an unused variable) as null', () => {
    expect(encodeNumber(null)).toBeNull()
    expect(
      reportedGradient({ variables: [], value: 1, gradient: {}, notes: [] }, { x: 2 }),
    ).toEqual({
      x: null,
    })
    expect(
      Object.entries(
        reportedGradient(
          { variables: ['u'], value: 1, gradient: { u: 3 }, notes: [] },
          { z: 1, u: 2, b: 0 },
        ),
      ),
    ).toEqual([
      ['b', null],
      ['u', 3],
      ['z', null],
    ])
  })
})

describe('text output', () => {
  it('prints f at the point and every partial', () => {
    const text = formatGradientText(
      { variables: ['u', 'v'], value: 3, gradient: { u: 4, v: 1 }, notes: [] },
      { v: 2, u: 1 },
    )
    expect(text).toBe('f(u=1, v=2) = 3\n∂f/∂u = 4\n∂f/∂v = 1')
  })

  it('reports a variable given but unused as None, as PyTorch leaves its .grad', () => {
    const text = formatGradientText(
      { variables: ['u', 'v'], value: 3, gradient: { u: 4, v: 1 }, notes: [] },
      { u: 1, v: 2, a: 9 },
    )
    expect(text).toBe('f(a=9, u=1, v=2) = 3\n∂f/∂a = None\n∂f/∂u = 4\n∂f/∂v = 1')
    expect(formatGradientText({ variables: [], value: 1, gradient: {}, notes: [] }, { x: 2 })).toBe(
      'f(x=2) = 1\n∂f/∂x = None',
    )
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

  it('shows no source for a diagnostic about the request, and how to wait longer after a timeout', () => {
    const d = diagnostic(
      'timeout',
      'The calculation took longer than 0.5 s and was stopped.',
      [0, 0],
    )
    expect(formatDiagnostic(d, 'x^x')).toBe(
      'error[timeout]: The calculation took longer than 0.5 s and was stopped.\n' +
        '  hint: --timeout <seconds> waits longer (the default is 30).',
    )
  })

  it('marks an empty span with one caret', () => {
    const d = diagnostic('unexpected-end', 'ends early', [3, 3])
    expect(formatDiagnostic(d, '2x+')).toBe('error[unexpected-end]: ends early\n  2x+\n     ^')
  })
})
