import { describe, expect, it } from 'vitest'
import { splitMathText } from './math-text'

describe('splitMathText', () => {
  it('separates prose, inline math, displayed math and code', () => {
    expect(
      splitMathText('Mark $x$ with `requires_grad=True`: $$\\frac{dy}{dx} = 2x$$ done'),
    ).toEqual([
      { kind: 'text', text: 'Mark ' },
      { kind: 'math', latex: 'x', display: false },
      { kind: 'text', text: ' with ' },
      { kind: 'code', text: 'requires_grad=True' },
      { kind: 'text', text: ': ' },
      { kind: 'math', latex: '\\frac{dy}{dx} = 2x', display: true },
      { kind: 'text', text: ' done' },
    ])
  })

  it('keeps text without marks whole, and an unpaired dollar as text', () => {
    expect(splitMathText('costs $5')).toEqual([{ kind: 'text', text: 'costs $5' }])
    expect(splitMathText('')).toEqual([])
  })
})
