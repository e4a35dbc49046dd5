import type { GradientResult } from '../protocol/api'

/** Numbers the way PyTorch prints a float64 scalar's value: shortest round-trip, nan/inf spelled out. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  return String(value)
}

/**
 * The human form of `grad`:
 *   f(u=1, v=2) = 3
 *   ∂f/∂u = 4
 *   ∂f/∂v = 1
 */
export function formatGradientText(result: GradientResult, point: Record<string, number>): string {
  const at = result.variables
    .map((name) => `${name}=${formatNumber(point[name] ?? NaN)}`)
    .join(', ')
  const lines = [`f(${at}) = ${formatNumber(result.value)}`]
  for (const name of result.variables) {
    lines.push(`∂f/∂${name} = ${formatNumber(result.gradient[name] ?? NaN)}`)
  }
  return lines.join('\n')
}
