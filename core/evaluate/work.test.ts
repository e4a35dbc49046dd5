import { describe, expect, it } from 'vitest'
import { EXAMPLES } from '../../src-renderer/components/examples'
import { LABS } from '../../src-renderer/lessons'
import { parse } from '../expr'
import { LIMITS } from '../protocol/limits'
import { evaluate } from './service'
import { sampleWorkProblem, unitsPerSample } from './work'

const TOWER = Array.from({ length: 500 }, () => 'x').join('^') // 999 characters

function ast(expression: string) {
  const { ast } = parse(expression)
  if (!ast) throw new Error(`cannot parse ${expression}`)
  return ast
}

/** Every `expression` written in a lab's data (steps, plots, practice). */
function expressionsIn(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => expressionsIn(item, found))
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'expression' && typeof item === 'string') found.add(item)
      else expressionsIn(item, found)
    }
  }
  return found
}

describe('unitsPerSample', () => {
  it('counts the ops that change along the slice; constants and held variables are free', () => {
    expect(unitsPerSample(ast('x^2 + 2x + 1'), 'x')).toBe(4)
    expect(unitsPerSample(ast('u*v + u^2'), 'v')).toBe(2)
    expect(unitsPerSample(ast('sin(2 pi) * x'), 'x')).toBe(1)
    expect(unitsPerSample(ast('1'), 'x')).toBe(0)
    expect(unitsPerSample(ast('u^2'), 'x')).toBe(0)
  })

  it('counts a power with a varying exponent as five', () => {
    expect(unitsPerSample(ast('2^x'), 'x')).toBe(5)
    expect(unitsPerSample(ast('x^x'), 'x')).toBe(5)
    expect(unitsPerSample(ast('x^u'), 'x')).toBe(1)
    expect(unitsPerSample(ast(TOWER), 'x')).toBe(499 * 5)
  })
})

describe('the work budget', () => {
  it('refuses the 999-character power tower with f″ at the most samples, saying what to do', () => {
    expect(
      sampleWorkProblem(ast(TOWER), { wrt: 'x', samples: 200_000, secondDerivative: true }),
    ).toEqual({
      code: 'second-derivative-too-large',
      message:
        'f″ is too large for this expression at 200000 samples: use at most 2404 samples, or turn f″ off and use at most 8016 samples.',
      span: [0, 0],
    })
    expect(sampleWorkProblem(ast(TOWER), { wrt: 'x', samples: 200_000 })).toEqual({
      code: 'too-many-samples',
      message:
        'This function is too large to sample 200000 times: use at most 8016 samples, or a shorter function.',
      span: [0, 0],
    })
    expect(sampleWorkProblem(ast(TOWER), { wrt: 'x', samples: 8016 })).toBeNull()
    expect(
      sampleWorkProblem(ast(TOWER), { wrt: 'x', samples: 2404, secondDerivative: true }),
    ).toBeNull()
  })

  it('names only f″ when f″ is all that is too large', () => {
    const diagnostic = sampleWorkProblem(ast('x^x^x^x^x^x^x^x^x^x^x'), {
      wrt: 'x',
      samples: 200_000,
      secondDerivative: true,
    })
    expect(diagnostic?.message).toBe(
      'f″ is too large for this expression at 200000 samples: use at most 120000 samples, or turn f″ off.',
    )
  })

  it('answers before doing the work: the tower at 200,000 samples with f″ is refused at once', () => {
    const started = performance.now()
    const result = evaluate({
      expression: TOWER,
      point: { x: 1.1 },
      wrt: 'x',
      domain: [0.5, 1.5],
      samples: LIMITS.maxSamples,
      secondDerivative: true,
    })
    // The work itself takes 98 s; parsing and compiling the tower take a few milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
    expect(result).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'second-derivative-too-large' }],
    })
  })

  it('never refuses an ordinary request: every lab and example function, at the most samples, with f″', () => {
    const expressions = expressionsIn(LABS, new Set())
    for (const group of EXAMPLES) for (const item of group.items) expressions.add(item.expression)
    expect(expressions.size).toBeGreaterThan(10)
    for (const expression of expressions) {
      const tree = ast(expression)
      for (const wrt of ['x', 'u', 'v']) {
        const request = { wrt, samples: LIMITS.maxSamples, secondDerivative: true }
        expect(sampleWorkProblem(tree, request), `${expression} wrt ${wrt}`).toBeNull()
      }
    }
    // And a longer function one might type, with room to spare.
    const typed =
      'sin(x)^2 + cos(3x)*exp(-x^2/2) + log(1 + x^2) + sqrt(abs(x)) * tanh(x) / (1 + x^4)'
    expect(
      sampleWorkProblem(ast(typed), {
        wrt: 'x',
        samples: LIMITS.maxSamples,
        secondDerivative: true,
      }),
    ).toBeNull()
  })
})
