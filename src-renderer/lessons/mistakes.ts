import { parse, printExpression } from '../../core/expr'
import type { Node } from '../../core/expr/ast'
import type { CalculusApi } from '../../core/protocol/api'
import { LIMITS } from '../../core/protocol/limits'
import { formatNumber } from '../../core/picture/format'
import { isCorrect } from './answers'
import type { LessonPractice } from './types'

/**
 * The wrong answers a learner typically gives to "what is ∂f/∂u here?", each computed from the problem
 * itself by the core (never written in the lesson): another partial, the slope with one term dropped,
 * f instead of its slope, the sign flipped. A wrong try that matches one gets a hint about that mistake.
 */
export interface Mistake {
  /** The number that mistake leads to. */
  value: number
  hint: string
}

type Evaluate = Pick<CalculusApi, 'evaluate'>

/** The top-level terms of a sum, each with its sign: `2x^3 + x` is [+2x^3, +x]; `a − b` is [+a, −b]. */
export function termsOf(node: Node): { node: Node; sign: 1 | -1 }[] {
  if (node.kind === 'binary' && (node.op === 'add' || node.op === 'sub')) {
    const right = termsOf(node.right).map((term) => ({
      node: term.node,
      sign: (node.op === 'sub' ? -term.sign : term.sign) as 1 | -1,
    }))
    return [...termsOf(node.left), ...right]
  }
  return [{ node, sign: 1 }]
}

/** The sum of the terms, as text the parser reads back. */
function sumText(terms: { node: Node; sign: 1 | -1 }[]): string {
  return terms
    .map(({ node, sign }, index) => {
      const text = `(${printExpression(node)})`
      if (index === 0) return sign < 0 ? `-${text}` : text
      return `${sign < 0 ? '-' : '+'} ${text}`
    })
    .join(' ')
}

/** f and its gradient at the practice point, or null when the core refuses. */
async function at(
  api: Evaluate,
  practice: LessonPractice,
  expression: string,
): Promise<{ value: number; gradient: Record<string, number> } | null> {
  const centre = practice.point[practice.variable] ?? 0
  const result = await api.evaluate({
    expression,
    point: { ...practice.point },
    wrt: practice.variable,
    domain: [centre - 1, centre + 1],
    samples: LIMITS.minSamples,
  })
  return result.ok ? { value: result.value.value, gradient: result.value.gradient } : null
}

/** Every typical mistake for this question, in the order their hints are preferred. */
export async function typicalMistakes(api: Evaluate, practice: LessonPractice): Promise<Mistake[]> {
  const whole = await at(api, practice, practice.expression)
  if (!whole) return []
  const asked = practice.variable
  const right = whole.gradient[asked] ?? NaN
  const mistakes: Mistake[] = []

  for (const [name, value] of Object.entries(whole.gradient)) {
    if (name === asked) continue
    mistakes.push({
      value,
      hint: `That is ∂f/∂${name}, the slope along ${name}. The question asks for ∂f/∂${asked}: hold ${name} fixed and vary ${asked}.`,
    })
  }

  const tree = parse(practice.expression).ast
  const terms = tree ? termsOf(tree) : []
  if (terms.length > 1) {
    for (const [index, term] of terms.entries()) {
      const rest = terms.filter((_, other) => other !== index)
      const without = await at(api, practice, sumText(rest))
      const slope = without?.gradient[asked]
      if (slope === undefined) continue
      // What the dropped term adds to the slope, signed as it stands in the sum.
      const share = right - slope
      const dropped = `${share >= 0 ? '+' : ''}${formatNumber(share)}`
      mistakes.push({
        value: slope,
        hint: `You dropped the ${dropped} that comes from the term ${practice.expression.slice(...term.node.span).trim()}: every term of a sum adds its own slope.`,
      })
    }
  }

  mistakes.push({
    value: whole.value,
    hint: `That is f itself at the point, not its slope: differentiate first, then put the point in.`,
  })
  if (right !== 0) {
    mistakes.push({ value: -right, hint: 'The size is right, but check the sign.' })
  }
  // A "mistake" that gives the right answer is not one.
  return mistakes.filter(
    (mistake) =>
      Number.isFinite(mistake.value) && !isCorrect(mistake.value, right, practice.tolerance),
  )
}

/** The hint for the first typical mistake the answer matches, or null when it matches none. */
export function hintFor(
  given: number,
  mistakes: readonly Mistake[],
  tolerance: number,
): string | null {
  return mistakes.find((mistake) => isCorrect(given, mistake.value, tolerance))?.hint ?? null
}
