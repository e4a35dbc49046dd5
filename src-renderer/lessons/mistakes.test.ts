import { describe, expect, it } from 'vitest'
import { parse, printExpression } from '../../core/expr'
import { inProcessApi } from '../../core/test-support/in-process-api'
import { differentiationInPytorch as lab } from './differentiation-in-pytorch'
import { hintFor, termsOf, typicalMistakes } from './mistakes'
import type { LessonPractice } from './types'

function practiceOf(id: string): LessonPractice {
  const practice = lab.steps.find((step) => step.id === id)?.practice
  if (!practice) throw new Error(`no practice step ${id}`)
  return practice
}

describe('typical mistakes of a practice question', () => {
  it('splits a sum into its signed terms', () => {
    const tree = parse('2x^3 + x - sin(x)').ast
    expect(tree && termsOf(tree).map((t) => [printExpression(t.node), t.sign])).toEqual([
      ['2*x^3', 1],
      ['x', 1],
      ['sin(x)', -1],
    ])
  })

  it('knows 6 for 2x³ + x at 1 is the slope without the +1 from x', async () => {
    const practice = practiceOf('practice-cubic')
    const mistakes = await typicalMistakes(inProcessApi, practice)
    expect(hintFor(6, mistakes, practice.tolerance)).toBe(
      'You dropped the +1 that comes from the term x: every term of a sum adds its own slope.',
    )
    expect(hintFor(3, mistakes, practice.tolerance)).toContain('That is f itself')
    expect(hintFor(-7, mistakes, practice.tolerance)).toContain('check the sign')
    // Dropping 2x³ leaves the slope 1 of x alone.
    expect(hintFor(1, mistakes, practice.tolerance)).toContain(
      'the +6 that comes from the term 2x^3',
    )
    expect(hintFor(42, mistakes, practice.tolerance)).toBeNull()
  })

  it('knows 10 for ∂f/∂u of uv + (uv)² at (2, 1) is ∂f/∂v', async () => {
    const practice = practiceOf('practice-uv-squared')
    const mistakes = await typicalMistakes(inProcessApi, practice)
    expect(hintFor(10, mistakes, practice.tolerance)).toBe(
      'That is ∂f/∂v, the slope along v. The question asks for ∂f/∂u: hold v fixed and vary u.',
    )
    expect(hintFor(4, mistakes, practice.tolerance)).toContain(
      'the +1 that comes from the term u*v',
    )
    expect(hintFor(6, mistakes, practice.tolerance)).toContain('That is f itself')
  })

  it('never calls the right answer a mistake', async () => {
    const practice = { ...practiceOf('practice-cubic'), expression: 'x + 1' }
    const mistakes = await typicalMistakes(inProcessApi, practice)
    // Dropping the constant 1 leaves the slope 1, which is right.
    expect(hintFor(1, mistakes, practice.tolerance)).toBeNull()
  })
})
