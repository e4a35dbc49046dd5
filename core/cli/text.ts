import type { GradientResult } from '../protocol/api'
import { reportedGradient } from './gradient-report'

/** Numbers the way PyTorch prints a float64 scalar's value: shortest round-trip, nan/inf spelled out. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  return String(value)
}

/**
 * The human form of `grad`; every variable given is listed, and one the expression does not use has no
 * gradient, printed as PyTorch prints its `.grad`: None.
 *   f(u=1, v=2, x=0) = 3
 *   ∂f/∂u = 4
 *   ∂f/∂v = 1
 *   ∂f/∂x = None
 */
export function formatGradientText(result: GradientResult, point: Record<string, number>): string {
  const gradient = reportedGradient(result, point)
  const names = Object.keys(gradient)
  const at = names.map((name) => `${name}=${formatNumber(point[name] ?? NaN)}`).join(', ')
  const lines = [`f(${at}) = ${formatNumber(result.value)}`]
  for (const name of names) {
    const partial = gradient[name] ?? null
    lines.push(`∂f/∂${name} = ${partial === null ? 'None' : formatNumber(partial)}`)
  }
  // Under the numbers, what each convention note says of them (core/protocol/notes.ts).
  for (const note of result.notes)
    lines.push(`note (${note.code}, ${note.variable}): ${note.detail}`)
  return lines.join('\n')
}
