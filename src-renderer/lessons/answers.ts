import type { CalculusApi, EvaluateRequest } from '../../core/protocol/api'
import { LIMITS } from '../../core/protocol/limits'
import { fail, ok, type Result } from '../../core/protocol/result'
import { formatNumber } from '../../core/picture/format'
import type { LessonPlot, LessonPractice, LessonStep, StatedValue } from './types'

/**
 * The numbers of a lesson, always asked of the core: the expected answer of a practice question and the
 * values a step states. Nothing here knows a result in advance.
 */

/** Sample count for a plot without a fixed one, when only its numbers are needed (not a picture). */
const CHECK_SAMPLES = 201

export function plotRequest(plot: LessonPlot): EvaluateRequest {
  return {
    expression: plot.expression,
    point: { ...plot.point },
    wrt: plot.wrt,
    domain: [plot.domain[0], plot.domain[1]],
    samples: plot.samples ?? CHECK_SAMPLES,
  }
}

/** ∂f/∂variable at the practice point, as `variable.grad` after `backward()`. */
export async function practiceAnswer(
  api: CalculusApi,
  practice: LessonPractice,
): Promise<Result<number>> {
  const at = practice.point[practice.variable] ?? 0
  const result = await api.evaluate({
    expression: practice.expression,
    point: { ...practice.point },
    wrt: practice.variable,
    domain: [at - 1, at + 1],
    // Only the gradient at the point is read: the fewest samples the core accepts.
    samples: LIMITS.minSamples,
  })
  if (!result.ok) return result
  return ok(result.value.gradient[practice.variable] ?? NaN)
}

/** A number as a learner types it: `7`, `7.0`, `−5` (a true minus too), `1e1`, `14/2`. */
export function parseAnswer(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, '')
  if (cleaned === '') return null
  const fraction = /^([-+]?[\d.]+(?:e[-+]?\d+)?)\/([-+]?[\d.]+(?:e[-+]?\d+)?)$/i.exec(cleaned)
  const value = fraction
    ? Number(fraction[1]) / Number(fraction[2])
    : /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)
      ? Number(cleaned)
      : NaN
  return Number.isFinite(value) ? value : null
}

export function isCorrect(given: number, expected: number, tolerance: number): boolean {
  return Math.abs(given - expected) <= allowedError(expected, tolerance)
}

/** The tolerance in words, for the question: what `isCorrect` accepts. */
export function toleranceText(tolerance: number): string {
  return `Answers within ${formatNumber(tolerance)} count as right (within ${formatNumber(tolerance * 100)}% for an answer larger than 1).`
}

/** The margin `isCorrect` allowed around this expected value. */
export function allowedError(expected: number, tolerance: number): number {
  return tolerance * Math.max(1, Math.abs(expected))
}

/** A line of the worked solution with the core's answer put in. */
export function withAnswer(line: string, answer: string): string {
  return line.replaceAll('{answer}', answer)
}

export interface StatedCheck {
  stated: StatedValue
  /** What the core computes (for a series: the largest difference from the stated expression). */
  actual: number
  holds: boolean
}

const RELATIVE = 1e-9
const close = (a: number, b: number) => Math.abs(a - b) <= RELATIVE * Math.max(1, Math.abs(b))

/** Checks one stated value of a step against the core. */
export async function checkStated(
  api: CalculusApi,
  step: LessonStep,
  stated: StatedValue,
): Promise<Result<StatedCheck>> {
  const plot = step.plots[stated.plot]
  if (!plot) return fail({ code: 'internal', message: `No plot ${stated.plot}.`, span: [0, 0] })
  const result = await api.evaluate(plotRequest(plot))
  if (!result.ok) return result
  const { value, gradient, series } = result.value
  if (stated.kind === 'value') {
    return ok({ stated, actual: value, holds: close(value, stated.equals) })
  }
  if (stated.kind === 'partial') {
    const actual = gradient[stated.variable] ?? NaN
    return ok({ stated, actual, holds: close(actual, stated.equals) })
  }
  const reference = await api.evaluate({ ...plotRequest(plot), expression: stated.expression })
  if (!reference.ok) return reference
  let worst = 0
  for (let i = 0; i < series.df.length; i++) {
    const expected = reference.value.series.f[i] as number
    const difference = Math.abs((series.df[i] as number) - expected)
    // A sample where either side is undefined (NaN) makes the claim fail.
    worst = Number.isFinite(difference) ? Math.max(worst, difference) : NaN
    if (Number.isNaN(worst)) break
  }
  return ok({ stated, actual: worst, holds: worst <= RELATIVE * 100 })
}
