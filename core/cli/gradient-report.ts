import type { GradientResult } from '../protocol/api'

/**
 * Every variable the user gave, in name order, with its partial derivative; one the expression does not
 * use has none (null), as PyTorch leaves `.grad` None on a leaf that is not in the graph.
 */
export function reportedGradient(
  result: GradientResult,
  point: Readonly<Record<string, number>>,
): Record<string, number | null> {
  const names = [...new Set([...result.variables, ...Object.keys(point)])].sort()
  return Object.fromEntries(
    names.map((name) => [
      name,
      result.variables.includes(name) ? (result.gradient[name] ?? NaN) : null,
    ]),
  )
}
