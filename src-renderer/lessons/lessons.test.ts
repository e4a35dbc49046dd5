import { describe, expect, it } from 'vitest'
import { inProcessApi } from '../../core/test-support/in-process-api'
import {
  checkStated,
  isCorrect,
  parseAnswer,
  plotRequest,
  practiceAnswer,
  withAnswer,
} from './answers'
import { differentiationInPytorch as lab } from './differentiation-in-pytorch'
import { LABS } from './index'

/** Every step goes through the real core, in-process: the same validation and evaluation the app uses. */
const api = inProcessApi

const stepIds = lab.steps.map((step) => step.id)

describe('the lab "Differentiation in PyTorch"', () => {
  it('has the lab’s eight steps in the lab’s order, with unique ids', () => {
    expect(lab.steps.map((step) => step.title)).toEqual([
      'The derivative of x² at x = 2',
      'A longer polynomial: x² + 2x + 1',
      'Practice: 2x³ + x at x = 1',
      'Partial derivatives of uv + u²',
      'Many values at once: the sum trick',
      'The ReLU and its derivative',
      'Where autograd and the derivative part ways',
      'Practice: ∂f/∂u of uv + (uv)²',
    ])
    expect(new Set(stepIds).size).toBe(8)
    expect(new Set(LABS.map((l) => l.id)).size).toBe(LABS.length)
  })

  it.each(lab.steps.map((step) => [step.id, step] as const))(
    'step %s: every plot parses and evaluates, with a value for each variable it uses',
    async (_id, step) => {
      expect(step.plots.length).toBeGreaterThan(0)
      for (const plot of step.plots) {
        const result = await api.evaluate(plotRequest(plot))
        expect(result.ok, JSON.stringify(result)).toBe(true)
        if (!result.ok) continue
        expect(Object.keys(plot.point).sort()).toEqual(result.value.variables)
        expect(result.value.variables).toContain(plot.wrt)
      }
      if (step.practice) {
        const analysis = await api.analyze({ expression: step.practice.expression })
        expect(analysis.ok).toBe(true)
      }
    },
  )

  it('states exactly the values the core computes: f = 4, 9, 3, 3, 6 and the slopes 4, 6, ∂u 4, ∂v 1', async () => {
    const checks = []
    for (const step of lab.steps) {
      for (const stated of step.stated) {
        const check = await checkStated(api, step, stated)
        if (!check.ok) throw new Error(JSON.stringify(check.diagnostics))
        checks.push({ step: step.id, ...check.value })
      }
    }
    expect(checks.filter((check) => !check.holds)).toEqual([])
    const pinned = checks.flatMap(({ step, stated, actual }) =>
      stated.kind === 'gradient-series' ? [] : [[step, stated.kind, actual]],
    )
    expect(pinned).toEqual([
      ['square-at-2', 'value', 4],
      ['square-at-2', 'partial', 4],
      ['quadratic-at-2', 'value', 9],
      ['quadratic-at-2', 'partial', 6],
      ['practice-cubic', 'value', 3],
      ['partials-uv', 'value', 3],
      ['partials-uv', 'partial', 4],
      ['partials-uv', 'partial', 1],
      ['autograd-and-the-derivative', 'partial', 0],
      ['autograd-and-the-derivative', 'value', 0],
      ['practice-uv-squared', 'value', 6],
    ])
  })

  it('computes the practice answers 7 and 5 with the core', async () => {
    const answers = []
    for (const step of lab.steps) {
      if (!step.practice) continue
      const answer = await practiceAnswer(api, step.practice)
      answers.push(answer.ok ? answer.value : NaN)
    }
    expect(answers).toEqual([7, 5])
  })

  it('never types a practice answer into the lesson', () => {
    for (const step of lab.steps) {
      const practice = step.practice
      if (!practice) continue
      const text = [practice.question, practice.hint, ...practice.solution].join('\n')
      expect(text).not.toMatch(/=\s*[57]\s*\$/)
      expect(practice.solution.some((line) => line.includes('{answer}'))).toBe(true)
    }
  })

  it('samples step 5 at linspace(−10, 10, 10) with x.grad = 2x, and step 6 at 100 points that miss 0', async () => {
    const many = lab.steps[4]!
    const relu = lab.steps[5]!
    const tenPoints = await api.evaluate(plotRequest(many.plots[0]!))
    if (!tenPoints.ok) throw new Error('step 5')
    const t = [...tenPoints.value.series.t]
    expect(t).toHaveLength(10)
    t.forEach((x, i) => expect(x).toBeCloseTo(-10 + (20 * i) / 9, 12))
    expect([...tenPoints.value.series.df]).toEqual(t.map((x) => 2 * x))
    const hundred = await api.evaluate(plotRequest(relu.plots[0]!))
    if (!hundred.ok) throw new Error('step 6')
    const { t: xs, df } = hundred.value.series
    expect(xs).toHaveLength(100)
    expect(xs.includes(0)).toBe(false)
    xs.forEach((x, i) => expect(df[i]).toBe(x < 0 ? 0 : 1))
  })
})

describe('checking an answer', () => {
  it('reads numbers as learners type them', () => {
    expect(['7', ' 7.0 ', '7.', '−5', '-5', '1e1', '14/2', '.5'].map(parseAnswer)).toEqual([
      7, 7, 7, -5, -5, 10, 7, 0.5,
    ])
    expect(['', 'seven', '7x', '1/0', '--5'].map(parseAnswer)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('accepts answers within the tolerance and refuses others', () => {
    // The tolerance is relative to the answer's size (at least 1): 1e-3 of 7 is 0.007.
    expect(isCorrect(7.0004, 7, 1e-3)).toBe(true)
    expect(isCorrect(6.995, 7, 1e-3)).toBe(true)
    expect(isCorrect(7.01, 7, 1e-3)).toBe(false)
    expect(isCorrect(6, 7, 1e-3)).toBe(false)
    expect(isCorrect(-7, 7, 1e-3)).toBe(false)
    expect(isCorrect(0.0005, 0, 1e-3)).toBe(true)
  })

  it('puts the core’s answer into the worked solution', () => {
    expect(withAnswer('= {answer}; x.grad = {answer}', '7')).toBe('= 7; x.grad = 7')
  })
})

describe('the step where autograd and the derivative part ways', () => {
  it('samples 101 points with one exactly on relu’s kink, which the core marks and notes', async () => {
    const step = lab.steps.find((s) => s.id === 'autograd-and-the-derivative')!
    const result = await api.evaluate(plotRequest(step.plots[0]!))
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
    expect(result.value.series.t[50]).toBe(0)
    expect(result.value.marks).toMatchObject([
      { code: 'kink', at: 0, sample: 50, left: 0, right: 1 },
    ])
    expect(result.value.notes).toMatchObject([{ code: 'kink', variable: 'x', pytorch: 0 }])
  })
})
